using BackOffice.Storage.Cosmos;
using BackOffice.Storage.Tests.Contracts;

namespace BackOffice.Storage.Tests.Cosmos;

/// <summary>
/// The same contract suites against a real Azure Cosmos DB account, where transactional batches, 429s and the service's own
/// query planner are real: run when COSMOS_ENDPOINT and COSMOS_KEY name one (a database per store set is created and
/// deleted), reported as skipped otherwise.
/// </summary>
public static class RealCosmosAccount
{
    public static string? SkipReason => Environment.GetEnvironmentVariable("COSMOS_ENDPOINT") is { Length: > 0 } && Environment.GetEnvironmentVariable("COSMOS_KEY") is { Length: > 0 }
        ? null
        : "COSMOS_ENDPOINT and COSMOS_KEY are not set: this suite runs against a real Azure Cosmos DB account only when they name one.";

    public static CosmosAdapter Adapter() => new(() => new CosmosOptions
    {
        Endpoint = new Uri(Environment.GetEnvironmentVariable("COSMOS_ENDPOINT")!), Key = Environment.GetEnvironmentVariable("COSMOS_KEY"),
        Database = "contract-" + Guid.NewGuid().ToString("N")[..12],
    });
}

public sealed class RealCosmosTenantStoreTests() : TenantStoreContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosWorkItemStoreTests() : WorkItemStoreContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosWorkItemSummaryTests() : WorkItemSummaryContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosWorkQueueTests() : WorkQueueContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosOutboxTests() : OutboxContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosActivityStoreTests() : ActivityStoreContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosSlaSettingsStoreTests() : SlaSettingsStoreContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosSlaDeadlinesTests() : SlaDeadlinesContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosSlaAlertStoreTests() : SlaAlertStoreContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosWebhookStoreTests() : WebhookStoreContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosEmployeeStoreTests() : EmployeeStoreContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosCustomerAccountStoreTests() : CustomerAccountStoreContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosWarehouseStoreTests() : WarehouseStoreContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosImportStoreTests() : ImportStoreContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosVendorAccountStoreTests() : VendorAccountStoreContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosResolvedWorkTests() : ResolvedWorkContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosAuditStoreTests() : AuditStoreContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosTenantWorkloadTests() : TenantWorkloadContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosNotificationStoreTests() : NotificationStoreContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosUsageLedgerTests() : UsageLedgerContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosResolutionUsageTests() : ResolutionUsageContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosWorkLeasesTests() : WorkLeasesContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosChangeSignalLogTests() : ChangeSignalLogContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosPricePlanStoreTests() : PricePlanStoreContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosBillingRunStoreTests() : BillingRunStoreContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosTenantInvoiceStoreTests() : TenantInvoiceStoreContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosPaymentEventLogTests() : PaymentEventLogContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
public sealed class RealCosmosTenantDunningStoreTests() : TenantDunningStoreContract(RealCosmosAccount.Adapter()), IOutsideAccountSuite { public static string? SkipReason => RealCosmosAccount.SkipReason; }
