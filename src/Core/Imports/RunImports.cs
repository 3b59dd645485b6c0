using BackOffice.Core.Common;
using BackOffice.Core.Hr;
using BackOffice.Core.Orders;
using BackOffice.Core.Sla.ManageSla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Imports;

/// <summary>
/// One pass of the import worker: takes a queued file, validates every row (reporting progress as it goes), and then
/// stores all of it in one transaction, or none of it with every bad row reported.
/// </summary>
public sealed class RunImports(IImportStore imports, ITenantStore tenants, SlaSettingsSource slas, TimeProvider time)
{
    private const int ProgressEvery = 500;

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        if (await imports.TakeNextAsync(time.GetUtcNow(), time.GetUtcNow().AddMinutes(10), ct) is not var (job, csv)) return 0;
        var records = Csv.Read(csv).ToList();
        var header = records[0];
        var rows = records.Skip(1).Select((r, i) => (Line: i + 2, Cells: (IReadOnlyDictionary<string, string>)header.Zip(r).ToDictionary(p => p.First, p => p.Second)))
            .ToList();
        job = job with { TotalRows = rows.Count, Status = ImportStatus.Validating };
        var scope = TenantScope.ForWorker(job.TenantId);
        var now = time.GetUtcNow();
        var (errors, employees, items) = (new List<RowError>(), new List<Employee>(), new List<WorkItem>());
        var tenant = await tenants.FindAsync(job.TenantId, ct) ?? throw new InvalidOperationException($"Tenant {job.TenantId} of import {job.Id} is gone.");
        var sla = job.Kind == ImportKind.Orders ? await slas.CurrentAsync(tenant, scope, ct) : null;
        var importer = new Actor("import", $"{job.CreatedBy} (import)", new HashSet<string>(), null);

        var groups = job.Kind == ImportKind.Employees
            ? rows.Select(r => new[] { r }).ToList()
            : rows.GroupBy(r => r.Cells.GetValueOrDefault("orderRef") ?? "").Select(g => g.ToArray()).ToList();
        foreach (var group in groups)
        {
            var lines = group.Select(r => r.Line).ToList();
            try
            {
                var fields = new FieldErrors();
                if (job.Kind == ImportKind.Employees)
                {
                    if (HrPayloadParser.Parse("new-hire", ImportRows.NewHire(group[0].Cells), fields) is NewHire hire)
                        employees.Add(Employee.Hire(scope, Guid.CreateVersion7(now), hire, job.Id));
                }
                else
                {
                    if (string.IsNullOrWhiteSpace(group[0].Cells.GetValueOrDefault("orderRef"))) fields.Add("orderRef", "'orderRef' is required.");
                    if (OrderPayloadParser.Parse("order-intake", ImportRows.OrderIntake([.. group.Select(r => r.Cells)]), fields) is OrderIntake intake && fields.IsEmpty)
                    {
                        var spec = new NewWorkItem(ServiceLine.Orders, "order-intake", Priority.P3, $"Order {group[0].Cells["orderRef"]} for {intake.Customer}",
                            $"Imported from a CSV file by {job.CreatedBy}.", OrderPayloadParser.ToJson(intake), tenant.QueueFor(ServiceLine.Orders),
                            WorkTypes.StepsFor("order-intake"));
                        items.Add(WorkItem.Submit(scope, spec, importer, now, sla!.ClockFor(ServiceLine.Orders, Priority.P3, now)));
                    }
                }
                fields.ThrowIfAny();
            }
            catch (ValidationException ex)
            {
                errors.AddRange(ImportRows.ToRowErrors(ex, lines));
            }
            var processed = job.ProcessedRows + group.Length;
            if (processed / ProgressEvery > job.ProcessedRows / ProgressEvery) await imports.UpdateAsync(job with { ProcessedRows = processed }, ct);
            job = job with { ProcessedRows = processed };
        }
        if (job.Kind == ImportKind.Orders && !tenant.ServiceLines.Contains(ServiceLine.Orders))
            errors.Add(new RowError(1, "file", $"Tenant '{tenant.Id}' has not subscribed to the orders service line."));
        var finished = job with { FinishedAt = time.GetUtcNow(), Errors = [.. errors.OrderBy(e => e.Row).Take(ImportJob.MaxErrorsKept)] };
        if (errors.Count > 0) await imports.UpdateAsync(finished with { Status = ImportStatus.Failed }, ct);
        else await imports.CompleteAsync(finished with { Status = ImportStatus.Completed, Created = employees.Count + items.Count }, new ImportedRecords(employees, items), ct);
        return 1;
    }
}
