using System.Globalization;
using BackOffice.Core.Audit;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Imports;

/// <summary>
/// A tenant's admin (or provider staff) hands over a CSV file of employees or orders; it is imported in the background.
/// Who may import, for which tenant, and how big a file may be are settled before a byte of the file is read. The file
/// then streams into the store in parts, never whole in memory; its header is checked from the first part, so a bad
/// header is refused (400, by column) before anything is stored.
/// </summary>
public sealed class StartImport(TenantAccess access, IImportStore imports, ImportOptions options, TimeProvider time)
{
    private const int PartBytes = 256 * 1024;
    private static readonly string[] Importers = [Roles.ClientAdmin, Roles.Supervisor, Roles.PlatformAdmin];

    /// <param name="declaredBytes">The request's Content-Length, when it gave one.</param>
    public async Task<ImportJob> StartAsync(Actor actor, string tenantId, string kind, Stream file, long? declaredBytes, CancellationToken ct)
    {
        var (tenant, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Submit, ct);
        Permissions.Require(actor, Importers);
        var errors = new FieldErrors();
        var parsed = errors.Enum<ImportKind>("kind", kind);
        if (parsed == ImportKind.Orders && !tenant.ServiceLines.Contains(ServiceLine.Orders))
            errors.Add("kind", $"Tenant '{tenant.Id}' has not subscribed to the orders service line.");
        errors.ThrowIfAny();
        if (declaredBytes > options.MaxBytes) throw TooLarge();

        var part = new byte[PartBytes];
        var read = await file.ReadAtLeastAsync(part, part.Length, throwOnEndOfStream: false, ct);
        await CheckHeaderAsync(parsed!.Value, part, read, ct);
        var now = time.GetUtcNow();
        var job = new ImportJob(Guid.CreateVersion7(now), scope.TenantId, parsed.Value, ImportStatus.Receiving, 0, 0, [], 0, now, actor.Name, null);
        await imports.AddAsync(scope, job, now + options.UploadTimeout, ct);
        try
        {
            var (total, index) = (0L, 0);
            for (; read > 0; read = await file.ReadAtLeastAsync(part, part.Length, throwOnEndOfStream: false, ct))
            {
                if ((total += read) > options.MaxBytes) throw TooLarge();
                await imports.AppendAsync(scope, job.Id, index++, part.AsMemory(0, read), ct);
            }
            var detail = new Dictionary<string, string> { ["kind"] = job.Kind.ToText(), ["bytes"] = total.ToString(CultureInfo.InvariantCulture) };
            var audit = new AuditRecord(scope.TenantId, job.CreatedAt, AuditActor.Of(actor), "import.started", $"import/{job.Id}", detail);
            await imports.QueueAsync(scope, job = job with { Status = ImportStatus.Queued }, ct, audit);
            return job;
        }
        catch
        {
            // Refused or cut off: nothing of the file stays behind.
            await imports.RemoveAsync(scope, job.Id, CancellationToken.None);
            throw;
        }
    }

    public async Task<ImportJob> GetAsync(Actor actor, string tenantId, Guid id, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var job = await imports.FindAsync(scope, id, ct) ?? throw new NotFoundException($"Import {id}");
        Permissions.Require(actor, Importers);
        return job;
    }

    /// <summary>The tenant's recent imports, newest first, with their progress and row errors.</summary>
    public async Task<IReadOnlyList<ImportJob>> ListAsync(Actor actor, string tenantId, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, Importers);
        return await imports.ListAsync(scope, RecentShown, ct);
    }

    /// <summary>How many of a tenant's imports its list shows.</summary>
    public const int RecentShown = 20;

    private static async Task CheckHeaderAsync(ImportKind kind, byte[] part, int read, CancellationToken ct)
    {
        if (read == 0) throw Invalid("file", "The file is empty.");
        if (read == part.Length && Array.IndexOf(part, (byte)'\n') < 0)
            throw Invalid("file", $"The header (row 1) is longer than {PartBytes / 1024} KB.");
        await using var reader = new ImportFileReader(new MemoryStream(part, 0, read, writable: false), kind);
        var header = await reader.ReadHeaderAsync(ct);
        if (header.Count > 0)
            throw new ValidationException(header.GroupBy(e => e.Column).ToDictionary(g => g.Key, g =>
                g.Select(e => $"Row 1: {e.Message}").ToArray()));
    }

    private static ValidationException Invalid(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });

    private ContentTooLargeException TooLarge() => new("file", options.MaxBytes % (1024 * 1024) == 0
        ? $"The file is over {options.MaxBytes / 1024 / 1024} MB; split it."
        : $"The file is over {options.MaxBytes} bytes; split it.");
}
