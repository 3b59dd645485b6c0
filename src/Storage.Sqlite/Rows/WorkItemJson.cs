using System.Text.Json;
using System.Text.Json.Serialization;
using BackOffice.Core.Attachments;
using BackOffice.Core.Sla;
using BackOffice.Core.WorkItems;

namespace BackOffice.Storage.Sqlite.Rows;

/// <summary>
/// A work item's JSON columns, written by generated code (the same text the reflection-based serializer writes, for a
/// fraction of its cost on every claim and change). Its history is appended to, not rewritten: see <see cref="History"/>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<WorkItemChange>))]
[JsonSerializable(typeof(List<WorkItemChange>))]
[JsonSerializable(typeof(IReadOnlyList<SlaDeadline>))]
[JsonSerializable(typeof(List<SlaDeadline>))]
[JsonSerializable(typeof(IReadOnlyList<Attachment>))]
[JsonSerializable(typeof(List<Attachment>))]
[JsonSerializable(typeof(IReadOnlyList<ChecklistStep>))]
[JsonSerializable(typeof(List<ChecklistStep>))]
internal sealed partial class WorkItemJson : JsonSerializerContext
{
    /// <summary>
    /// The history column for <paramref name="item"/>: the stored text with the new changes appended when the item came
    /// from this store (nothing parsed, nothing old written again), else the whole history written out.
    /// </summary>
    public static string History(WorkItem item)
    {
        if (item.StoredHistory is not LazyJsonList<WorkItemChange> { Json: var stored }) return Write(item.History);
        if (item.NewChanges.Count == 0) return stored;
        var array = stored.AsSpan().Trim();
        if (array.Length < 2 || array[0] != '[' || array[^1] != ']') return Write(item.History);
        var kept = array[1..^1].Trim();
        var added = Write(item.NewChanges);
        return kept.IsEmpty ? added : string.Concat("[", kept, ",", added.AsSpan(1));
    }

    private static string Write(IReadOnlyList<WorkItemChange> changes) => JsonSerializer.Serialize(changes, Default.IReadOnlyListWorkItemChange);
}
