using BackOffice.ServiceDefaults.Auth;
namespace BackOffice.Workers.DemoData;

/// <summary>A start-up step (after migrations): seeds an empty database when Demo:Seed is on.</summary>
internal sealed class DemoSeedStep(DemoDataSeeder seeder, DemoOptions options, ILogger<DemoSeedStep> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Seed) return;
        if (await seeder.SeedAsync(options.WorkItems, cancellationToken))
            logger.LogInformation("Seeded demo data: {Tenants} tenants and {Items} work items", DemoDirectory.Tenants.Count, options.WorkItems);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
