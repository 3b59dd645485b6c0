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
using BackOffice.Storage.Sqlite;
using BackOffice.Storage.Tests.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Storage.Tests.Sqlite;

/// <summary>Each store set gets its own database file in a temporary folder, deleted afterwards.</summary>
public sealed class SqliteAdapter : IStoreAdapter
{
    public async Task<StoreSet> CreateAsync() => (await CreateWithFileAsync()).Stores;

    /// <summary>A fresh store set, and the path of its database file for tests that look at the file itself.</summary>
    public async Task<(StoreSet Stores, string Path)> CreateWithFileAsync()
    {
        var folder = Directory.CreateTempSubdirectory("backoffice-store-");
        var db = new SqliteDatabase(Path.Combine(folder.FullName, "test.db"));
        await db.MigrateAsync(default);
        var services = new ServiceCollection().AddSingleton(db).AddSqliteStores().BuildServiceProvider();
        return (new StoreSet(
            services.GetRequiredService<ITenantStore>(), services.GetRequiredService<IWorkItemStore>(), services.GetRequiredService<IWorkQueue>(),
            services.GetRequiredService<IOutbox>(), services.GetRequiredService<IActivityStore>(), services.GetRequiredService<ISlaSettingsStore>(),
            services.GetRequiredService<ISlaDeadlines>(), services.GetRequiredService<ISlaAlertStore>(), services.GetRequiredService<IWebhookStore>(), services.GetRequiredService<IEmployeeStore>(), services.GetRequiredService<ICustomerAccountStore>(), services.GetRequiredService<IWarehouseStore>(), services.GetRequiredService<IImportStore>(), services.GetRequiredService<IVendorAccountStore>(), services.GetRequiredService<IResolvedWork>(),
            async () =>
            {
                await services.DisposeAsync();
                await db.DisposeAsync();
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
            })
            {
                Audit = services.GetRequiredService<Core.Audit.IAuditStore>(),
                Notifications = services.GetRequiredService<Core.Notifications.INotificationStore>(),
                Directory = services.GetRequiredService<Core.Notifications.IUserDirectory>(),
                Emails = services.GetRequiredService<Core.Notifications.IEmailOutbox>(),
                Usage = services.GetRequiredService<Core.Finance.Metering.IUsageLedger>(),
                PricePlans = services.GetRequiredService<Core.Finance.Pricing.IPricePlanStore>(),
                Runs = services.GetRequiredService<Core.Finance.Runs.IBillingRunStore>(),
                Invoices = services.GetRequiredService<Core.Finance.Runs.ITenantInvoiceStore>(),
                PaymentEvents = services.GetRequiredService<Core.Finance.Runs.IPaymentEventLog>(),
                Dunning = services.GetRequiredService<Core.Finance.Dunning.ITenantDunningStore>(),
                Workload = services.GetRequiredService<Core.Tenancy.TenantOverview.ITenantWorkload>(),
                Leases = services.GetRequiredService<Core.Coordination.IWorkLeases>(),
                Signals = services.GetRequiredService<Core.Live.IChangeSignalLog>(),
            }, db.Path);
    }
}

public sealed class SqliteTenantStoreTests() : TenantStoreContract(new SqliteAdapter());
public sealed class SqliteWorkItemStoreTests() : WorkItemStoreContract(new SqliteAdapter());
public sealed class SqliteWorkItemSummaryTests() : WorkItemSummaryContract(new SqliteAdapter());
public sealed class SqliteWorkQueueTests() : WorkQueueContract(new SqliteAdapter());
public sealed class SqliteOutboxTests() : OutboxContract(new SqliteAdapter());
public sealed class SqliteActivityStoreTests() : ActivityStoreContract(new SqliteAdapter());
public sealed class SqliteSlaSettingsStoreTests() : SlaSettingsStoreContract(new SqliteAdapter());
public sealed class SqliteSlaDeadlinesTests() : SlaDeadlinesContract(new SqliteAdapter());
public sealed class SqliteSlaAlertStoreTests() : SlaAlertStoreContract(new SqliteAdapter());
public sealed class SqliteWebhookStoreTests() : WebhookStoreContract(new SqliteAdapter());
public sealed class SqliteEmployeeStoreTests() : EmployeeStoreContract(new SqliteAdapter());
public sealed class SqliteCustomerAccountStoreTests() : CustomerAccountStoreContract(new SqliteAdapter());
public sealed class SqliteWarehouseStoreTests() : WarehouseStoreContract(new SqliteAdapter());
public sealed class SqliteImportStoreTests() : ImportStoreContract(new SqliteAdapter());
public sealed class SqliteVendorAccountStoreTests() : VendorAccountStoreContract(new SqliteAdapter());
public sealed class SqliteResolvedWorkTests() : ResolvedWorkContract(new SqliteAdapter());
public sealed class SqliteAuditStoreTests() : AuditStoreContract(new SqliteAdapter());
public sealed class SqliteTenantWorkloadTests() : TenantWorkloadContract(new SqliteAdapter());
public sealed class SqliteNotificationStoreTests() : NotificationStoreContract(new SqliteAdapter());
public sealed class SqliteUsageLedgerTests() : UsageLedgerContract(new SqliteAdapter());
public sealed class SqliteResolutionUsageTests() : ResolutionUsageContract(new SqliteAdapter());
public sealed class SqliteWorkLeasesTests() : WorkLeasesContract(new SqliteAdapter());

public sealed class SqliteChangeSignalLogTests() : ChangeSignalLogContract(new SqliteAdapter());
public sealed class SqlitePricePlanStoreTests() : PricePlanStoreContract(new SqliteAdapter());
public sealed class SqliteBillingRunStoreTests() : BillingRunStoreContract(new SqliteAdapter());
public sealed class SqliteTenantInvoiceStoreTests() : TenantInvoiceStoreContract(new SqliteAdapter());
public sealed class SqlitePaymentEventLogTests() : PaymentEventLogContract(new SqliteAdapter());
public sealed class SqliteTenantDunningStoreTests() : TenantDunningStoreContract(new SqliteAdapter());
