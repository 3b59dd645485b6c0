using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Billing;

/// <summary>What resolving billing work does to the customer's account: issue the invoice, apply the payment, note the follow-up.</summary>
public sealed class BillingResolution(ICustomerAccountStore accounts)
{
    public static bool Applies(WorkItem item) =>
        item.ServiceLine == ServiceLine.Billing && item.Payload is not null && BillingPayloadParser.IsTyped(item.Type) && item.Type != "vendor-bill";

    public async Task<(CustomerAccount Account, Dictionary<string, string?> Outcome)> ApplyAsync(TenantScope scope, WorkItem item, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var work = BillingPayloadParser.FromJson(item.Type, item.Payload!);
        switch (work)
        {
            case CustomerInvoice { Customer: { } customer } invoice:
            {
                var account = CustomerAccount.Open(scope, Guid.CreateVersion7(now), customer).Issue(Guid.CreateVersion7(now), invoice, today, item.Id);
                return (account, Outcome(account, account.Invoices[^1].Id));
            }
            case CustomerInvoice invoice:
            {
                var account = (await FindAsync(scope, invoice.CustomerId!.Value, ct)).Issue(Guid.CreateVersion7(now), invoice, today, item.Id);
                return (account, Outcome(account, account.Invoices[^1].Id));
            }
            case PaymentReceived payment:
            {
                var account = (await FindAsync(scope, payment.CustomerId, ct)).Receive(Guid.CreateVersion7(now), payment, item.Id);
                return (account, new() { ["customerId"] = account.Id.ToString(), ["paymentId"] = account.Payments[^1].Id.ToString() });
            }
            case CollectionsFollowUp followUp:
                return ((await FindAsync(scope, followUp.CustomerId, ct)).FollowUp(followUp, today), new() { ["customerId"] = followUp.CustomerId.ToString() });
            default:
                throw new ArgumentOutOfRangeException(nameof(item), item.Type, "Not typed billing work.");
        }
    }

    private static Dictionary<string, string?> Outcome(CustomerAccount account, Guid invoiceId) =>
        new() { ["customerId"] = account.Id.ToString(), ["invoiceId"] = invoiceId.ToString() };

    private async Task<CustomerAccount> FindAsync(TenantScope scope, Guid id, CancellationToken ct) =>
        await accounts.FindAsync(scope, id, ct) ?? throw new ConflictException($"Customer {id} of this item is not on {scope.TenantId}'s ledger.");
}
