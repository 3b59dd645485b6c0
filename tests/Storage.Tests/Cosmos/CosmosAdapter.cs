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
using BackOffice.Storage.Cosmos;
using BackOffice.Storage.Tests.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Storage.Tests.Cosmos;

/// <summary>Each store set gets its own database on the Cosmos DB server (local by default), deleted afterwards.</summary>
public sealed class CosmosAdapter(Func<CosmosOptions>? options = null) : IStoreAdapter
{
    public async Task<StoreSet> CreateAsync()
    {
        var db = new CosmosDatabase((options ?? LocalCosmos.FreshDatabase)());
        await db.EnsureCreatedAsync(default);
        var services = new ServiceCollection().AddSingleton(db).AddCosmosStores().BuildServiceProvider();
        T Get<T>() where T : class => services.GetService<T>()!;
        return new StoreSet(
            Get<ITenantStore>(), Get<IWorkItemStore>(), Get<IWorkQueue>(), Get<IOutbox>(), Get<IActivityStore>(), Get<ISlaSettingsStore>(),
            Get<ISlaDeadlines>(), Get<ISlaAlertStore>(), Get<IWebhookStore>(), Get<IEmployeeStore>(), Get<ICustomerAccountStore>(),
            Get<IWarehouseStore>(), Get<IImportStore>(), Get<IVendorAccountStore>(), Get<IResolvedWork>(),
            async () =>
            {
                await db.DeleteAsync(default);
                await services.DisposeAsync();
                await db.DisposeAsync();
            })
        {
            Audit = Get<Core.Audit.IAuditStore>(),
            Notifications = Get<Core.Notifications.INotificationStore>(),
            Directory = Get<Core.Notifications.IUserDirectory>(),
            Emails = Get<Core.Notifications.IEmailOutbox>(),
            Usage = Get<Core.Finance.Metering.IUsageLedger>(),
            PricePlans = Get<Core.Finance.Pricing.IPricePlanStore>(),
            Runs = Get<Core.Finance.Runs.IBillingRunStore>(),
            Invoices = Get<Core.Finance.Runs.ITenantInvoiceStore>(),
            PaymentEvents = Get<Core.Finance.Runs.IPaymentEventLog>(),
            Dunning = Get<Core.Finance.Dunning.ITenantDunningStore>(),
            Workload = Get<Core.Tenancy.TenantOverview.ITenantWorkload>(),
            Leases = Get<Core.Coordination.IWorkLeases>(),
            Signals = Get<Core.Live.IChangeSignalLog>(),
        };
    }
}
