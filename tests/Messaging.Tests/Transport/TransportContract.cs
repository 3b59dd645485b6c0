using BackOffice.Core.Common;
using BackOffice.Core.Events;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.ServiceDefaults;
using BackOffice.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace BackOffice.Messaging.Tests.Transport;

/// <summary>
/// What every event transport promises, run against each: work written with its events to the (real, SQLite) outbox, relayed
/// by the outbox dispatcher, reaches the handlers once per event, in its tenant; a failing handler gets the event again
/// until it succeeds; an event nobody can read is dead-lettered, never handled.
/// </summary>
public abstract class TransportContract : IAsyncLifetime
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("backoffice-transport-");
    private IHost _host = default!;

    protected RecordingHandler Recorder { get; } = new();

    protected IServiceProvider Services => _host.Services;

    /// <summary>Adds the transport to the platform's composition (the in-process bus is the core's default).</summary>
    protected abstract Task ComposeAsync(IHostApplicationBuilder builder);

    /// <summary>Waits until the transport holds nothing more for the handlers (a broker: every message completed).</summary>
    protected virtual Task AwaitSettledAsync() => Task.CompletedTask;

    /// <summary>Waits until the transport has dead-lettered the one poisoned event, and nothing else.</summary>
    protected abstract Task AwaitOneDeadLetterAsync();

    /// <summary>Publishes a message no handler can read and waits until the transport has dead-lettered it.</summary>
    protected abstract Task PublishUnreadableAndAwaitDeadLetterAsync(OutboxMessage message);

    public virtual async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", ContentRootPath = _folder.FullName });
        builder.Configuration["Storage:Sqlite:DataFolder"] = _folder.FullName;
        builder.Configuration["Outbox:BatchSize"] = "500";
        builder.AddServiceDefaults();
        builder.AddSqliteStores();
        builder.Services.RemoveAll<IDomainEventHandler>();
        builder.Services.AddSingleton<IDomainEventHandler>(Recorder);
        await ComposeAsync(builder);
        _host = builder.Build();
        await _host.StartAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private async Task<List<WorkItem>> SubmitAsync(int count)
    {
        var items = Enumerable.Range(0, count).Select(i =>
        {
            var tenant = i % 2 == 0 ? "acme" : "globex";
            return WorkItem.Submit(TenantScope.ForWorker(tenant), new NewWorkItem(ServiceLine.Hr, "general", Priority.P3, $"Item {i}", "Details"),
                new Actor("client", "Client", new HashSet<string> { Roles.ClientUser }, null), DateTimeOffset.UtcNow);
        }).ToList();
        foreach (var item in items) await Services.GetRequiredService<IWorkItemStore>().AddAsync(TenantScope.ForWorker(item.TenantId), item, default);
        return items;
    }

    /// <summary>Runs the relay until <paramref name="done"/> holds (the relay retries what failed when it falls due).</summary>
    private async Task RelayUntilAsync(Func<bool> done)
    {
        var relay = Services.GetRequiredService<OutboxDispatcher>();
        for (var deadline = DateTime.UtcNow + Patience; !done(); await Task.Delay(100))
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"Not done within {Patience}.");
            await relay.RunOnceAsync(default);
        }
    }

    [Fact]
    public async Task EveryEvent_IsHandledOnce_InItsTenant()
    {
        var items = await SubmitAsync(60);

        await RelayUntilAsync(() => items.All(i => Recorder.Handled.ContainsKey(i.Id)));
        await AwaitSettledAsync();

        Assert.All(items, i => Assert.Equal(1, Recorder.Handled[i.Id]));
        Assert.Equal(0, await Services.GetRequiredService<IOutbox>().CountUndeliveredAsync(default));
    }

    [Fact]
    public async Task AFailingHandler_GetsTheEventAgain_UntilItSucceeds_AndTheOthersAreNotHeldUp()
    {
        var items = await SubmitAsync(4);
        Recorder.FailFirst[items[0].Id] = 2;

        await RelayUntilAsync(() => items.All(i => Recorder.Handled.ContainsKey(i.Id)));

        Assert.Equal((3, 1), (Recorder.AttemptsOf(items[0].Id), Recorder.Handled[items[0].Id]));
        Assert.All(items.Skip(1), i => Assert.Equal(1, Recorder.AttemptsOf(i.Id)));
    }

    [Fact]
    public async Task AnEventAHandlerFindsPoison_IsDeadLetteredAtOnce_NotRetried_AndTheOthersAreHandled()
    {
        var items = await SubmitAsync(3);
        Recorder.Poison[items[1].Id] = true;

        await RelayUntilAsync(() => Recorder.Handled.Count == 2);
        await AwaitOneDeadLetterAsync();

        Assert.Equal(1, Recorder.AttemptsOf(items[1].Id));
        Assert.False(Recorder.Handled.ContainsKey(items[1].Id));
    }

    [Fact]
    public async Task AnEventNobodyCanRead_IsDeadLettered_AndNoHandlerRuns()
    {
        var message = new OutboxMessage(Guid.NewGuid(), "acme", "work-item.no-such-event", "{}", DateTimeOffset.UtcNow, 0);

        await PublishUnreadableAndAwaitDeadLetterAsync(message);

        Assert.Empty(Recorder.Handled);
    }
}
