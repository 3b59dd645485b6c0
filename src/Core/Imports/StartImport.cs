using BackOffice.Core.Audit;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Imports;

/// <summary>A tenant's admin (or provider staff) hands over a CSV file of employees or orders; it is imported in the background.</summary>
public sealed class StartImport(TenantAccess access, IImportStore imports, TimeProvider time)
{
    public const int MaxBytes = 10 * 1024 * 1024;
    private static readonly string[] Importers = [Roles.ClientAdmin, Roles.Supervisor, Roles.PlatformAdmin];

    public async Task<ImportJob> StartAsync(Actor actor, string tenantId, string kind, string csv, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Submit, ct);
        Permissions.Require(actor, Importers);
        var errors = new FieldErrors();
        var parsed = errors.Enum<ImportKind>("kind", kind);
        if (string.IsNullOrWhiteSpace(csv)) errors.Add("file", "The file is empty.");
        else if (System.Text.Encoding.UTF8.GetByteCount(csv) > MaxBytes) errors.Add("file", $"The file is over {MaxBytes / 1024 / 1024} MB; split it.");
        else if (parsed is { } k && Csv.Read(csv).FirstOrDefault() is { } header
            && ImportRows.Missing(header, k == ImportKind.Employees ? ["fullName", "startDate", "position", "department", "payAmount", "payCurrency", "payFrequency"] : ImportRows.OrderColumns.Except(["shipToName"])) is { Count: > 0 } missing)
            errors.Add("file", $"The header lacks the columns: {string.Join(", ", missing)}.");
        errors.ThrowIfAny();
        var job = new ImportJob(Guid.CreateVersion7(time.GetUtcNow()), scope.TenantId, parsed!.Value, ImportStatus.Queued, 0, 0, [], 0, time.GetUtcNow(), actor.Name, null);
        var detail = new Dictionary<string, string>
        {
            ["kind"] = job.Kind.ToText(),
            ["bytes"] = System.Text.Encoding.UTF8.GetByteCount(csv).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var audit = new AuditRecord(scope.TenantId, job.CreatedAt, AuditActor.Of(actor), "import.started", $"import/{job.Id}", detail);
        await imports.AddAsync(scope, job, csv, ct, audit);
        return job;
    }

    public async Task<ImportJob> GetAsync(Actor actor, string tenantId, Guid id, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        var job = await imports.FindAsync(scope, id, ct) ?? throw new NotFoundException($"Import {id}");
        Permissions.Require(actor, Importers);
        return job;
    }
}
