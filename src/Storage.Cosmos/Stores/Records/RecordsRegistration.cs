using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Storage.Cosmos.Stores.Records;

/// <summary>Composite indexes this group's queries sort on (see <see cref="CosmosContainers"/>).</summary>
internal static class RecordIndexes
{
    public static IEnumerable<string[]> Data =>
    [
        ["/kind", "/name", "/id"],
        ["-/onDate", "-/id"],
        ["-/createdTicks", "-/id"],
        ["-/firedTicks", "-/id"],
    ];
}

internal static class RecordsStores
{
    public static IServiceCollection AddRecordsStores(this IServiceCollection services) => services
        .AddSingleton<Core.Hr.IEmployeeStore, CosmosEmployeeStore>()
        .AddSingleton<Core.Billing.ICustomerAccountStore, CosmosCustomerAccountStore>()
        .AddSingleton<Core.Billing.IVendorAccountStore, CosmosVendorAccountStore>()
        .AddSingleton<Core.Orders.IWarehouseStore, CosmosWarehouseStore>()
        .AddSingleton<Core.Imports.IImportStore, CosmosImportStore>()
        .AddSingleton<Core.Webhooks.IWebhookStore, CosmosWebhookStore>()
        .AddSingleton<Core.Sla.ISlaSettingsStore, CosmosSlaSettingsStore>()
        .AddSingleton<Core.Sla.Alerts.ISlaAlertStore, CosmosSlaAlertStore>();
}
