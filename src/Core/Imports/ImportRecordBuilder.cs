using BackOffice.Core.Common;
using BackOffice.Core.Hr;
using BackOffice.Core.Orders;
using BackOffice.Core.Sla;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Imports;

/// <summary>Turns one group of rows into its record (an employee, or an order-intake work item), or into its row errors.</summary>
public sealed class ImportRecordBuilder(ImportJob job, Tenant tenant, SlaSettings? sla, DateTimeOffset now)
{
    private readonly TenantScope _scope = TenantScope.ForWorker(job.TenantId);
    private readonly Actor _importer = new("import", $"{job.CreatedBy} (import)", new HashSet<string>(), null);

    public (Employee? Employee, WorkItem? Item, IReadOnlyList<RowError> Errors) Build(RowGroup group)
    {
        var fields = new FieldErrors();
        try
        {
            if (job.Kind == ImportKind.Employees)
            {
                var hire = HrPayloadParser.Parse("new-hire", ImportRows.NewHire(group.Rows[0]), fields) as NewHire;
                fields.ThrowIfAny();
                return (Employee.Hire(_scope, Guid.CreateVersion7(now), hire!, job.Id), null, []);
            }
            var orderRef = group.Rows[0].GetValueOrDefault("orderRef")?.Trim();
            if (string.IsNullOrEmpty(orderRef)) fields.Add("orderRef", "'orderRef' is required.");
            var intake = OrderPayloadParser.Parse("order-intake", ImportRows.OrderIntake(group.Rows), fields) as OrderIntake;
            fields.ThrowIfAny();
            var spec = new NewWorkItem(ServiceLine.Orders, "order-intake", Priority.P3, $"Order {orderRef} for {intake!.Customer}",
                $"Imported from a CSV file by {job.CreatedBy}.", OrderPayloadParser.ToJson(intake), tenant.QueueFor(ServiceLine.Orders),
                WorkTypes.StepsFor("order-intake"));
            return (null, WorkItem.Submit(_scope, spec, _importer, now, sla!.ClockFor(ServiceLine.Orders, Priority.P3, now)), []);
        }
        catch (ValidationException ex)
        {
            return (null, null, [.. ImportRows.ToRowErrors(ex, group.Lines)]);
        }
    }
}
