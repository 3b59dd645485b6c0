using BackOffice.Storage.Tests.Contracts;

namespace BackOffice.Storage.Tests.Cosmos;

public sealed class CosmosAuditStoreTests() : AuditStoreContract(new CosmosAdapter());
