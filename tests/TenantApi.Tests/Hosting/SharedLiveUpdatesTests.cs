using BackOffice.Core.Live;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.TenantApi.Tests.Hosting;

/// <summary>
/// The roles as separate instances on one store, with Live:Shared: a page open on the Portal instance hears a submission
/// made through the API instance, whose event the worker instance handled.
/// </summary>
public sealed class SharedLiveUpdatesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("backoffice-live-").FullName;

    [Fact]
    public async Task APortalInstance_HearsWhatAnotherInstanceChanged()
    {
        using var api = Instance<ApiRole>();
        _ = api.Services;
        using var workers = Instance<WorkersRole>();
        using var portal = Instance<PortalRole>();
        _ = workers.Services;
        await Api.OnboardActiveAsync(api.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "hr");
        var heard = new TaskCompletionSource<ChangeSignal>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var page = portal.Services.GetRequiredService<IChangeFeed>().Subscribe("acme", signal =>
        {
            if (signal.Topic == ChangeTopics.WorkItem) heard.TrySetResult(signal);
            return Task.CompletedTask;
        });

        var submitted = await Api.SubmitAsync(api.ClientAs(TestUser.AcmeClient), "acme");

        var signal = await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Guid.Parse((string)submitted["id"]!), signal.ItemId);
    }

    private HostFactory<TRoles> Instance<TRoles>() where TRoles : IRoleSet => new(settings: new Dictionary<string, string?>
    {
        ["Demo:Seed"] = "false",
        ["Live:Shared"] = "true",
        ["Live:PollInterval"] = "00:00:00.100",
        ["Outbox:PollInterval"] = "00:00:00.100",
    }, dataFolder: _folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
