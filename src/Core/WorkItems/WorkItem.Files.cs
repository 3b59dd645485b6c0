using BackOffice.Core.Attachments;
using BackOffice.Core.Common;

namespace BackOffice.Core.WorkItems;

/// <summary>The files on an item; their bytes are in the blob store.</summary>
public sealed partial class WorkItem
{
    private readonly List<Attachment> _attachments = [];

    public IReadOnlyList<Attachment> Attachments => _attachments;

    /// <summary>A file added to the item, open or closed: it is kept with the item's history.</summary>
    public void Attach(Attachment attachment, Actor by, DateTimeOffset now)
    {
        _attachments.Add(attachment);
        Record(by, now, WorkItemActions.Attached, new Dictionary<string, string?> { ["attachmentId"] = attachment.Id.ToString(), ["fileName"] = attachment.FileName });
    }
}
