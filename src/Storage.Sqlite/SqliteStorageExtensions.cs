using BackOffice.Core.Activity;
using BackOffice.Core.Billing;
using BackOffice.Core.Events;
using BackOffice.Core.Hr;
using BackOffice.Core.Imports;
using BackOffice.Core.Orders;
using BackOffice.Core.Queues;
using BackOffice.Core.Routing;
using BackOffice.Core.Sla;
using BackOffice.Core.Sla.Alerts;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Webhooks;
using BackOffice.Core.WorkItems;
using BackOffice.Storage.Sqlite.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackOffice.Storage.Sqlite;

public static class SqliteStorageExtensions
{
    /// <summary>The embedded default: every store on one SQLite file, migrated by a start-up step.</summary>
    public static IHostApplicationBuilder AddSqliteStores(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SqliteOptions>().BindConfiguration(SqliteOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SqliteOptions>>().Value;
            var folder = Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, options.DataFolder);
            return new SqliteDatabase(Path.Combine(folder, options.FileName), options.Synchronous);
        });
        builder.Services.AddSqliteStores();
        builder.Services.AddHostedService<SqliteMigrationStep>();
        return builder;
    }

    /// <summary>The stores alone, over a <see cref="SqliteDatabase"/> registered by the caller.</summary>
    public static IServiceCollection AddSqliteStores(this IServiceCollection services) => services
        .AddSingleton<ITenantStore, SqliteTenantStore>()
        .AddSingleton<IWorkItemStore, SqliteWorkItemStore>()
        .AddSingleton<Core.WorkItems.CloseWorkItem.IResolvedWork, SqliteResolvedWork>()
        .AddSingleton<IWorkQueue, SqliteWorkQueue>()
        .AddSingleton<IOutbox, SqliteOutbox>()
        .AddSingleton<IActivityStore, SqliteActivityStore>()
        .AddSingleton<Core.Coordination.IWorkLeases, SqliteWorkLeases>()
        .AddSingleton<Core.Live.IChangeSignalLog, SqliteChangeSignalLog>()
        .AddSingleton<ISlaSettingsStore, SqliteSlaSettingsStore>()
        .AddSingleton<ISlaDeadlines, SqliteSlaDeadlines>()
        .AddSingleton<ISlaAlertStore, SqliteSlaAlertStore>()
        .AddSingleton<IWebhookStore, SqliteWebhookStore>()
        .AddSingleton<IAgentProfileStore, SqliteAgentProfileStore>()
        .AddSingleton<IEmployeeStore, SqliteEmployeeStore>()
        .AddSingleton<ICustomerAccountStore, SqliteCustomerAccountStore>()
        .AddSingleton<IVendorAccountStore, SqliteVendorAccountStore>()
        .AddSingleton<IWarehouseStore, SqliteWarehouseStore>()
        .AddSingleton<IImportStore, SqliteImportStore>()
        .AddSingleton<SqliteAuditStore>()
        .AddSingleton<Core.Audit.IAuditStore>(sp => sp.GetRequiredService<SqliteAuditStore>())
        .AddSingleton<Core.Audit.IAuditTrail>(sp => sp.GetRequiredService<SqliteAuditStore>())
        .AddSingleton<Core.Tenancy.TenantOverview.ITenantWorkload, SqliteTenantWorkload>()
        .AddSingleton<Core.Notifications.IUserDirectory, SqliteUserDirectory>()
        .AddSingleton<Core.Notifications.INotificationStore, SqliteNotificationStore>()
        .AddSingleton<Core.Notifications.IEmailOutbox, SqliteEmailOutbox>()
        .AddSingleton<Core.Finance.Metering.IUsageLedger, SqliteUsageLedger>()
        .AddSingleton<Core.Finance.Pricing.IPricePlanStore, SqlitePricePlanStore>()
        .AddSingleton<Core.Finance.Runs.IBillingRunStore, SqliteBillingRunStore>()
        .AddSingleton<Core.Finance.Runs.ITenantInvoiceStore, SqliteTenantInvoiceStore>()
        .AddSingleton<Core.Finance.Runs.IPaymentEventLog, SqlitePaymentEventLog>()
        .AddSingleton<Core.Finance.Dunning.ITenantDunningStore, SqliteTenantDunningStore>()
        .AddSingleton<Core.Finance.Issuing.ILocalInvoiceBook, SqliteLocalInvoiceBook>();

    private sealed class SqliteMigrationStep(SqliteDatabase db) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => db.MigrateAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
