using BackOffice.Core.Imports;

namespace BackOffice.Workers.Imports;

/// <summary>
/// Imports queued CSV files one at a time; a file left half-way by a stopped worker is taken again when its lease ends, and
/// one whose try failed waits its turn again, so the other files keep flowing.
/// </summary>
internal sealed class ImportService(RunImports imports, WorkersOptions options, TimeProvider time, ILogger<ImportService> logger) : PeriodicWorker(time, logger)
{
    private readonly ILogger _log = logger;

    protected override TimeSpan Interval => options.ImportInterval;

    protected override string DidWhat => "import files processed";

    protected override async Task<int> RunPassAsync(CancellationToken ct)
    {
        var done = 0;
        while (await imports.RunOnceAsync(ct) is { } pass)
        {
            done++;
            if (pass.Error is not null)
                _log.LogWarning(pass.Error, "Import {ImportId} of tenant {TenantId} failed a try; it is now {Status}",
                    pass.ImportId, pass.TenantId, pass.Status);
        }
        return done;
    }
}
