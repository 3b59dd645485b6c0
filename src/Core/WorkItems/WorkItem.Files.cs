using BackOffice.Core.Attachments;
using BackOffice.Core.Common;

namespace BackOffice.Core.WorkItems;

/// <summary>The files on an item; their bytes are in the blob store.</summary>
public sealed partial class WorkItem
{
    private readonly List<Attachment> _attachments = [];

    public IReadOnlyList<Attachment> Attachments => _attachments;

    /// <summary>A file added to the item while it is live or resolved; nothing changes a closed or cancelled item.</summary>
    public void Attach(Attachment attachment, Actor by, DateTimeOffset now)
    {
        if (Status is WorkItemStatus.Closed or WorkItemStatus.Cancelled)
            throw new ConflictException($"Work item {Id} is {Status.ToText()}; no files can be added to it.");
        _attachments.Add(attachment);
        Record(by, now, WorkItemActions.Attached, new Dictionary<string, string?> { ["attachmentId"] = attachment.Id.ToString(), ["fileName"] = attachment.FileName });
    }
}
