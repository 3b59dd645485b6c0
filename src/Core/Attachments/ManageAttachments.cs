using System.Security.Cryptography;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Attachments;

/// <summary>
/// Files on work items. The tenant's own users, the agent the item is assigned to, and supervisors may add and read
/// them; other agents and platform admins may not. Size and type are checked, and a PDF, PNG or JPEG must start as
/// one. The bytes are stored first and the item second, so an item never lists a file that is not there; when the
/// item cannot be saved, the bytes are deleted again.
/// </summary>
public sealed class ManageAttachments(TenantAccess access, IWorkItemStore items, IBlobStore blobs, AttachmentOptions options, TimeProvider time)
{
    private static readonly Dictionary<string, byte[]> Signatures = new()
    {
        ["application/pdf"] = "%PDF"u8.ToArray(), ["image/png"] = [0x89, 0x50, 0x4E, 0x47], ["image/jpeg"] = [0xFF, 0xD8, 0xFF],
    };

    public async Task<(WorkItem Item, Attachment Attachment)> AddAsync(Actor actor, string tenantId, Guid itemId, string? fileName, string? contentType, Stream content, CancellationToken ct)
    {
        var (scope, item) = await LoadAsync(actor, tenantId, itemId, AccessMode.Submit, ct);
        var errors = new FieldErrors();
        var (name, type) = AttachmentRules.Check(options, errors, fileName, contentType, size: null);
        if (item.Attachments.Count >= options.MaxPerItem) errors.Add("file", $"An item holds at most {options.MaxPerItem} files.");
        errors.ThrowIfAny();
        using var buffer = new MemoryStream();
        await CopyLimitedAsync(content, buffer, ct);
        if (Signatures.TryGetValue(type!, out var magic) && !buffer.GetBuffer().AsSpan(0, (int)buffer.Length).StartsWith(magic))
            throw new ValidationException(new Dictionary<string, string[]> { ["contentType"] = [$"The file is not a {type}."] });
        var now = time.GetUtcNow();
        var attachment = new Attachment(Guid.CreateVersion7(now), name!, type!, buffer.Length, Convert.ToHexString(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))).ToLowerInvariant(), actor.Name, now);
        var read = item.Version;
        item.Attach(attachment, actor, now);
        buffer.Position = 0;
        var key = Attachment.BlobKey(scope.TenantId, item.Id, attachment.Id);
        await blobs.PutAsync(key, buffer, type!, ct);
        try
        {
            await items.UpdateAsync(scope, item, read, ct);
        }
        catch
        {
            // The item does not list the file, so nothing would ever read or delete its bytes.
            await blobs.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        return (item, attachment);
    }

    public async Task<(Attachment Attachment, Stream Content)> OpenAsync(Actor actor, string tenantId, Guid itemId, Guid attachmentId, CancellationToken ct)
    {
        var (scope, item) = await LoadAsync(actor, tenantId, itemId, AccessMode.Read, ct);
        var attachment = item.Attachments.FirstOrDefault(a => a.Id == attachmentId) ?? throw new NotFoundException($"Attachment {attachmentId}");
        var content = await blobs.OpenReadAsync(Attachment.BlobKey(scope.TenantId, item.Id, attachment.Id), ct) ?? throw new NotFoundException($"Attachment {attachmentId}");
        return (attachment, content);
    }

    /// <param name="mode">Adding a file changes the item: refused while the tenant is not active.</param>
    private async Task<(TenantScope, WorkItem)> LoadAsync(Actor actor, string tenantId, Guid itemId, AccessMode mode, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, mode, ct);
        var item = await items.FindAsync(scope, itemId, ct) ?? throw new NotFoundException($"Work item {itemId}");
        var allowed = actor.HasAnyRole(Roles.ClientAdmin, Roles.ClientUser, Roles.Supervisor) || item.AssigneeSubject == actor.Subject;
        if (!allowed) throw new ForbiddenException("Only the tenant's users, the agent assigned to the item and supervisors may use its files.");
        return (scope, item);
    }

    private async Task CopyLimitedAsync(Stream source, MemoryStream target, CancellationToken ct)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            if (target.Length + read > options.MaxBytes)
                throw new ValidationException(new Dictionary<string, string[]> { ["file"] = [AttachmentRules.TooLarge(options)] });
            target.Write(chunk, 0, read);
        }
        if (target.Length == 0) throw new ValidationException(new Dictionary<string, string[]> { ["file"] = [AttachmentRules.Empty] });
    }
}
