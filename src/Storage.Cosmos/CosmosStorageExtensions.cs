using BackOffice.Storage.Cosmos.Documents;
using BackOffice.Storage.Cosmos.Stores.Events;
using BackOffice.Storage.Cosmos.Stores.Finance;
using BackOffice.Storage.Cosmos.Stores.Queues;
using BackOffice.Storage.Cosmos.Stores.Records;
using BackOffice.Storage.Cosmos.Stores.Tenancy;
using BackOffice.Storage.Cosmos.Stores.Work;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackOffice.Storage.Cosmos;

public static class CosmosStorageExtensions
{
    /// <summary>
    /// Every store on Azure Cosmos DB (Storage:Provider=Cosmos): the database and its containers are created at start when
    /// missing. Storage:Cosmos:LocalServer, for the local Cosmos DB-compatible server, is refused outside Development.
    /// </summary>
    public static IHostApplicationBuilder AddCosmosStores(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(CosmosOptions.SectionName).Get<CosmosOptions>() ?? new();
        if (options.Endpoint is null) throw new InvalidOperationException("Storage:Cosmos:Endpoint is required when Storage:Provider is Cosmos.");
        if (options.LocalServer && !builder.Environment.IsDevelopment())
            throw new InvalidOperationException("Storage:Cosmos:LocalServer is for the local development server and is refused outside Development.");
        builder.Services.AddSingleton(sp => new CosmosDatabase(options));
        builder.Services.AddOptions<Core.Imports.ImportOptions>().Validate(o => o.BatchRows < TenantWriter.MaxBatch,
            $"Imports:BatchRows is below {TenantWriter.MaxBatch} on Cosmos DB: a batch of rows is written with its import in one transactional batch.");
        builder.Services.AddCosmosStores();
        builder.Services.AddHostedService<CosmosSetupStep>();
        return builder;
    }

    /// <summary>The stores alone, over a <see cref="CosmosDatabase"/> registered by the caller.</summary>
    public static IServiceCollection AddCosmosStores(this IServiceCollection services) => services
        .AddSingleton<EventDrain>()
        .AddSingleton<TenantWriter>()
        .AddSingleton<WorkItemWrites>()
        .AddTenancyStores()
        .AddWorkStores()
        .AddQueuesStores()
        .AddEventsStores()
        .AddRecordsStores()
        .AddFinanceStores();

    private sealed class CosmosSetupStep(CosmosDatabase db) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => db.EnsureCreatedAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
