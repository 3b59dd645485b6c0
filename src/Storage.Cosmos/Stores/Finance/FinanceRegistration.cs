using BackOffice.Storage.Cosmos.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Storage.Cosmos.Stores.Finance;

/// <summary>Composite indexes this group's queries sort on (see <see cref="CosmosContainers"/>).</summary>
internal static class FinanceIndexes
{
    /// <summary>The provider's invoice list: tenant, then newest period and id first.</summary>
    public static IEnumerable<string[]> Data => [["/tenantId", "-/listKey"]];
}

internal static class FinanceStores
{
    public static IServiceCollection AddFinanceStores(this IServiceCollection services) => services
        .AddSingleton<UsagePeriods>()
        .AddSingleton<Core.Finance.Metering.IUsageLedger, CosmosUsageLedger>()
        .AddSingleton<IResolutionUsage, CosmosResolutionUsage>()
        .AddSingleton<Core.Finance.Pricing.IPricePlanStore, CosmosPricePlanStore>()
        .AddSingleton<Core.Finance.Runs.IBillingRunStore, CosmosBillingRunStore>()
        .AddSingleton<Core.Finance.Runs.ITenantInvoiceStore, CosmosTenantInvoiceStore>()
        .AddSingleton<Core.Finance.Runs.IPaymentEventLog, CosmosPaymentEventLog>()
        .AddSingleton<Core.Finance.Dunning.ITenantDunningStore, CosmosTenantDunningStore>()
        .AddSingleton<Core.Finance.Issuing.ILocalInvoiceBook, CosmosLocalInvoiceBook>();
}
