using BackOffice.Storage.Tests.Contracts;

namespace BackOffice.Storage.Tests.Cosmos;

public sealed class CosmosTenantStoreTests() : TenantStoreContract(new CosmosAdapter());

public sealed class CosmosWorkLeasesTests() : WorkLeasesContract(new CosmosAdapter());

public sealed class CosmosChangeSignalLogTests() : ChangeSignalLogContract(new CosmosAdapter());
