using BackOffice.Storage.Tests.Contracts;

namespace BackOffice.Storage.Tests.Cosmos;

public sealed class CosmosAuditStoreTests() : AuditStoreContract(new CosmosAdapter());

public sealed class CosmosOutboxTests() : OutboxContract(new CosmosAdapter());

public sealed class CosmosActivityStoreTests() : ActivityStoreContract(new CosmosAdapter());

public sealed class CosmosNotificationStoreTests() : NotificationStoreContract(new CosmosAdapter());
