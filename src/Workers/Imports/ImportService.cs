using BackOffice.Core.Imports;

namespace BackOffice.Workers.Imports;

/// <summary>Imports queued CSV files one at a time; a file left half-way by a stopped worker is taken again when its lease ends.</summary>
internal sealed class ImportService(RunImports imports, WorkersOptions options, TimeProvider time, ILogger<ImportService> logger) : PeriodicWorker(time, logger)
{
    protected override TimeSpan Interval => options.ImportInterval;

    protected override string DidWhat => "import files processed";

    protected override async Task<int> RunPassAsync(CancellationToken ct)
    {
        var done = 0;
        while (await imports.RunOnceAsync(ct) > 0) done++;
        return done;
    }
}
