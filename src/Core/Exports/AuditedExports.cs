using BackOffice.Core.Audit;
using BackOffice.Core.Common;

namespace BackOffice.Core.Exports;

/// <summary>
/// The one way a tenant's data leaves as a file: every CSV export, once its use case allowed it and it is built, is
/// reported to <see cref="RecordAccess"/>, which puts provider staff's exports on the tenant's audit trail. The API and
/// the Portal both export through here, so neither path can skip the record.
/// </summary>
public sealed class AuditedExports(RecordAccess record)
{
    public async Task<CsvExport> CsvAsync(Actor actor, string tenantId, string fileName, IReadOnlyList<string> header, IEnumerable<IEnumerable<string?>> rows,
        CancellationToken ct) =>
        await RecordAsync(actor, tenantId, CsvWriter.Write(fileName, header, rows), ct);

    /// <summary>Records a file written elsewhere (a report with its own layout) and hands it back.</summary>
    public async Task<CsvExport> RecordAsync(Actor actor, string tenantId, CsvExport file, CancellationToken ct)
    {
        await record.ExportAsync(actor, tenantId, file.FileName, file.Rows, ct);
        return file;
    }
}
