using BackOffice.Core.Common;
using BackOffice.Core.Hr;
using BackOffice.Core.Live;
using BackOffice.Core.Sla.ManageSla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Imports;

/// <summary>What one pass did with one import: its status afterwards, and the error that stopped the try, if one did.</summary>
public sealed record ImportPass(Guid ImportId, string TenantId, ImportStatus Status, Exception? Error);

/// <summary>
/// One pass of the import worker on one file. It validates every row as the file streams (reporting progress), and only
/// when all are good stores the records, in batches of <see cref="ImportOptions.BatchRows"/> so that other tenants'
/// writes get in between; each batch commits with the count of rows stored, where a stopped worker resumes. A try
/// that throws is retried later, and after <see cref="ImportOptions.MaxAttempts"/> the import fails with the reason.
/// Each step it stores is signalled to open pages (<see cref="ChangeTopics.Import"/>), so a progress bar moves as it runs.
/// </summary>
public sealed class RunImports(IImportStore imports, ITenantStore tenants, SlaSettingsSource slas, ImportOptions options, TimeProvider time, IChangeFeed feed)
{
    private const int ProgressEvery = 2_000;

    /// <returns>What happened to the import taken, or null when none waits.</returns>
    public async Task<ImportPass?> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await imports.RemoveAbandonedAsync(now, ct);
        if (await imports.TakeNextAsync(now, now + options.Lease, ct) is not { } job) return null;
        Changed(job);
        try
        {
            return await RunTakenAsync(job, ct);
        }
        catch (ImportLeaseLostException)
        {
            // The worker that took it up since goes on; this one neither retries nor fails it.
            return new ImportPass(job.Id, job.TenantId, job.Status, null);
        }
    }

    private async Task<ImportPass> RunTakenAsync(ImportJob job, CancellationToken ct)
    {
        if (job.Attempts > options.MaxAttempts)
            return await FailAsync(job, $"Gave up after {options.MaxAttempts} tries. {job.Reason ?? "Each try stopped before finishing."}", null, ct);
        var latest = new Latest(job);
        try
        {
            return new ImportPass(job.Id, job.TenantId, await RunAsync(latest, ct), null);
        }
        catch (Exception ex) when (ex is not ImportLeaseLostException && !ct.IsCancellationRequested)
        {
            var reason = ex is DomainException
                ? ex.Message
                : $"An internal error ({ex.GetType().Name}) stopped it; the platform's staff can find it in the logs under import {job.Id}.";
            if (job.Attempts >= options.MaxAttempts)
                return await FailAsync(latest.Value, $"Failed on each of {job.Attempts} tries. {reason}", ex, ct);
            var retryAt = time.GetUtcNow() + options.RetryAfter;
            await imports.RetryLaterAsync(job, $"Try {job.Attempts} of {options.MaxAttempts} failed. {reason}", retryAt, ct);
            Changed(job);
            return new ImportPass(job.Id, job.TenantId, ImportStatus.Queued, ex);
        }
    }

    private async Task<ImportPass> FailAsync(ImportJob job, string reason, Exception? error, CancellationToken ct)
    {
        await imports.UpdateAsync(job with { Status = ImportStatus.Failed, Reason = reason, FinishedAt = time.GetUtcNow() }, ct);
        Changed(job);
        return new ImportPass(job.Id, job.TenantId, ImportStatus.Failed, error);
    }

    private async Task<ImportStatus> RunAsync(Latest job, CancellationToken ct)
    {
        var tenant = await tenants.FindAsync(job.Value.TenantId, ct)
            ?? throw new ConflictException($"Tenant '{job.Value.TenantId}' no longer exists.");
        var sla = job.Value.Kind == ImportKind.Orders && tenant.ServiceLines.Contains(ServiceLine.Orders)
            ? await slas.CurrentAsync(tenant, TenantScope.ForWorker(tenant.Id), ct)
            : null;
        var builder = new ImportRecordBuilder(job.Value, tenant, sla, time.GetUtcNow());
        if (job.Value.Status != ImportStatus.Importing)
        {
            var errors = await ValidateAsync(job, tenant, builder, ct);
            if (errors.Count > 0)
            {
                var report = job.Value with { Errors = [.. errors.OrderBy(e => e.Row).Take(ImportJob.MaxErrorsKept)] };
                await FailAsync(report, "Nothing was imported: fix the rows listed and send the file again.", null, ct);
                return ImportStatus.Failed;
            }
        }
        await PublishAsync(job, builder, ct);
        return ImportStatus.Completed;
    }

    /// <returns>Every problem found (the header's, or the rows'), in row order; when none, the job moves on to importing.</returns>
    private async Task<IReadOnlyList<RowError>> ValidateAsync(Latest job, Tenant tenant, ImportRecordBuilder builder, CancellationToken ct)
    {
        await using var file = await OpenAsync(job.Value, ct);
        var errors = new List<RowError>(await file.ReadHeaderAsync(ct));
        if (job.Value.Kind == ImportKind.Orders && !tenant.ServiceLines.Contains(ServiceLine.Orders))
            errors.Add(new RowError(1, "file", $"Tenant '{tenant.Id}' has not subscribed to the orders service line."));
        if (errors.Count > 0) return errors;
        var (rows, orders) = (0, new HashSet<string>(StringComparer.Ordinal));
        await foreach (var group in file.ReadGroupsAsync().WithCancellation(ct))
        {
            if (errors.Count < ImportJob.MaxErrorsKept) errors.AddRange(builder.Build(group).Errors);
            var orderRef = job.Value.Kind == ImportKind.Orders ? group.Rows[0].GetValueOrDefault("orderRef")?.Trim() : null;
            if (!string.IsNullOrEmpty(orderRef) && !orders.Add(orderRef))
                errors.Add(new RowError(group.Lines[0], "orderRef", $"Order '{orderRef}' appeared earlier; keep an order's rows together."));
            var before = rows;
            rows += group.Lines.Count;
            if (rows / ProgressEvery <= before / ProgressEvery) continue;
            await imports.UpdateAsync(job.Value = job.Value with { ProcessedRows = rows }, ct, time.GetUtcNow() + options.Lease);
            Changed(job.Value);
        }
        job.Value = job.Value with { TotalRows = rows, ProcessedRows = rows };
        if (errors.Count == 0)
        {
            await imports.UpdateAsync(job.Value = job.Value with { Status = ImportStatus.Importing }, ct);
            Changed(job.Value);
        }
        return errors;
    }

    /// <summary>Stores the records of the rows not stored yet, batch by batch; the last batch completes the job.</summary>
    private async Task PublishAsync(Latest job, ImportRecordBuilder builder, CancellationToken ct)
    {
        await using var file = await OpenAsync(job.Value, ct);
        await file.ReadHeaderAsync(ct);
        var (stored, skipped, rows, employees, items) = (job.Value.Published, 0, 0, new List<Employee>(), new List<WorkItem>());
        await foreach (var group in file.ReadGroupsAsync().WithCancellation(ct))
        {
            if (skipped < stored)
            {
                skipped += group.Lines.Count;
                continue;
            }
            var (employee, item, errors) = builder.Build(group);
            if (errors.Count > 0) throw new ConflictException($"Row {errors[0].Row} no longer validates ({errors[0].Column}: {errors[0].Message}).");
            if (employee is not null) employees.Add(employee);
            if (item is not null) items.Add(item);
            rows += group.Lines.Count;
            if (rows < options.BatchRows) continue;
            await StoreAsync(job, rows, employees, items, last: false, ct);
            (rows, employees, items) = (0, [], []);
        }
        await StoreAsync(job, rows, employees, items, last: true, ct);
    }

    private async Task StoreAsync(Latest job, int rows, List<Employee> employees, List<WorkItem> items, bool last, CancellationToken ct)
    {
        var before = job.Value.Published;
        var next = job.Value with { Published = before + rows, Created = job.Value.Created + employees.Count + items.Count };
        if (last) next = next with { Status = ImportStatus.Completed, FinishedAt = time.GetUtcNow(), Reason = null };
        await imports.PublishAsync(next, before, new ImportedRecords(employees, items), time.GetUtcNow() + options.Lease, ct);
        job.Value = next;
        Changed(next);
    }

    private void Changed(ImportJob job) => feed.Publish(new ChangeSignal(job.TenantId, ChangeTopics.Import, null, time.GetUtcNow()));

    private async Task<ImportFileReader> OpenAsync(ImportJob job, CancellationToken ct)
    {
        var file = await imports.OpenFileAsync(TenantScope.ForWorker(job.TenantId), job.Id, ct)
            ?? throw new ConflictException("The import's file is gone.");
        return new ImportFileReader(file, job.Kind);
    }

    /// <summary>The job as last stored by this try, which is where a failed try reports from.</summary>
    private sealed class Latest(ImportJob job)
    {
        public ImportJob Value { get; set; } = job;
    }
}
