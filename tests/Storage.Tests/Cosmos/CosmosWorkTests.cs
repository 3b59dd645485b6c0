using BackOffice.Storage.Tests.Contracts;

namespace BackOffice.Storage.Tests.Cosmos;

public sealed class CosmosWorkItemStoreTests() : WorkItemStoreContract(new CosmosAdapter());
public sealed class CosmosWorkItemSummaryTests() : WorkItemSummaryContract(new CosmosAdapter());
public sealed class CosmosResolvedWorkTests() : ResolvedWorkContract(new CosmosAdapter());
public sealed class CosmosSlaDeadlinesTests() : SlaDeadlinesContract(new CosmosAdapter());
public sealed class CosmosWorkQueueTests() : WorkQueueContract(new CosmosAdapter());
public sealed class CosmosTenantWorkloadTests() : TenantWorkloadContract(new CosmosAdapter());
