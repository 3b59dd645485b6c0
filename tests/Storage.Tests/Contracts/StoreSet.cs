using BackOffice.Core.Activity;
using BackOffice.Core.Billing;
using BackOffice.Core.Events;
using BackOffice.Core.Hr;
using BackOffice.Core.Imports;
using BackOffice.Core.Orders;
using BackOffice.Core.Queues;
using BackOffice.Core.Sla;
using BackOffice.Core.Sla.Alerts;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Webhooks;
using BackOffice.Core.WorkItems;
using BackOffice.Core.WorkItems.CloseWorkItem;

namespace BackOffice.Storage.Tests.Contracts;

/// <summary>Every store of one adapter over one fresh, empty database.</summary>
public sealed record StoreSet(ITenantStore Tenants, IWorkItemStore WorkItems, IWorkQueue Queue, IOutbox Outbox, IActivityStore Activity,
    ISlaSettingsStore Slas, ISlaDeadlines Deadlines, ISlaAlertStore Alerts, IWebhookStore Webhooks, IEmployeeStore Employees, ICustomerAccountStore Accounts, IWarehouseStore Warehouses, IImportStore Imports, IVendorAccountStore Vendors, IResolvedWork Resolved, Func<ValueTask> Cleanup) : IAsyncDisposable
{
    public Core.Audit.IAuditStore Audit { get; init; } = null!;

    public Core.Tenancy.TenantOverview.ITenantWorkload Workload { get; init; } = null!;

    public Core.Notifications.INotificationStore Notifications { get; init; } = null!;

    public Core.Notifications.IUserDirectory Directory { get; init; } = null!;

    public Core.Notifications.IEmailOutbox Emails { get; init; } = null!;

    public Core.Finance.Metering.IUsageLedger Usage { get; init; } = null!;

    public Core.Finance.Pricing.IPricePlanStore PricePlans { get; init; } = null!;

    public Core.Finance.Runs.IBillingRunStore Runs { get; init; } = null!;

    public Core.Finance.Runs.ITenantInvoiceStore Invoices { get; init; } = null!;

    public Core.Finance.Runs.IPaymentEventLog PaymentEvents { get; init; } = null!;

    public Core.Finance.Dunning.ITenantDunningStore Dunning { get; init; } = null!;

    public Core.Coordination.IWorkLeases Leases { get; init; } = null!;

    public Core.Live.IChangeSignalLog Signals { get; init; } = null!;

    public ValueTask DisposeAsync() => Cleanup();
}

/// <summary>An adapter under test: each call gives a fresh database.</summary>
public interface IStoreAdapter
{
    Task<StoreSet> CreateAsync();
}
