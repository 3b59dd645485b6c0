using BackOffice.Storage.Tests.Contracts;

namespace BackOffice.Storage.Tests.Cosmos;

public sealed class CosmosEmployeeStoreTests() : EmployeeStoreContract(new CosmosAdapter());

public sealed class CosmosCustomerAccountStoreTests() : CustomerAccountStoreContract(new CosmosAdapter());

public sealed class CosmosVendorAccountStoreTests() : VendorAccountStoreContract(new CosmosAdapter());

public sealed class CosmosWarehouseStoreTests() : WarehouseStoreContract(new CosmosAdapter());

public sealed class CosmosImportStoreTests() : ImportStoreContract(new CosmosAdapter());

public sealed class CosmosWebhookStoreTests() : WebhookStoreContract(new CosmosAdapter());

public sealed class CosmosSlaSettingsStoreTests() : SlaSettingsStoreContract(new CosmosAdapter());

public sealed class CosmosSlaAlertStoreTests() : SlaAlertStoreContract(new CosmosAdapter());
