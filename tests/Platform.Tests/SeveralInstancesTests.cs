using System.Collections.Concurrent;
using BackOffice.Testing.ServiceBus;
using Microsoft.Data.Sqlite;

namespace BackOffice.Platform.Tests;

/// <summary>
/// Two API instances and two worker instances, each a process of its own, on one store and the test Service Bus broker:
/// what the Azure deployment runs. Claims stay exclusive across API instances, and every event is handled, even when a
/// worker dies holding messages.
/// </summary>
[Trait("Category", "Processes")]
public sealed class SeveralInstancesTests : IAsyncLifetime
{
    private const string Queue = "integration-events";
    private const int Tenants = 4, ItemsPerTenant = 40, Agents = 16;
    private static readonly TimeSpan LockDuration = TimeSpan.FromSeconds(5);

    private readonly TestServiceBusBroker _broker = new();
    private readonly string _data = Directory.CreateTempSubdirectory("backoffice-instances-").FullName;
    private readonly List<HostProcess> _hosts = [];

    public async Task InitializeAsync()
    {
        await _broker.StartAsync();
        _broker.CreateQueue(Queue, maxDeliveryCount: 10, lockDuration: LockDuration, duplicateDetection: true);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            try { await host.DisposeAsync(); }
            catch (InvalidOperationException) { }
        }
        await _broker.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task TwoApisAndTwoWorkers_ClaimEachItemOnce_AndHandleEveryEvent_WhenAWorkerDiesHoldingMessages()
    {
        var (apis, workers) = await StartAsync();
        var admin = await PlatformClient.SignInAsync(apis[0], "admin", "Ada Admin", "Platform.Admin");
        var submitted = await SubmitAsync(apis, admin);

        workers[0].Freeze();
        var claims = ClaimAllAsync(apis);
        // A lock this close to its end was not renewed: the frozen worker holds it (the live one renews at half time).
        await UntilAsync(() => _broker.CountLocksEndingWithin(Queue, TimeSpan.FromSeconds(1)) > 0, "the frozen worker to hold a message");
        workers[0].Kill();
        var claimed = await claims;

        Assert.Equal(submitted.Count, claimed.Count);
        Assert.Equal(submitted.Order(), claimed.Order());
        await UntilAsync(() => Undelivered() == 0 && _broker.GetCounts(Queue).Active == 0, "every event to be relayed and settled");
        var activity = Activity();
        Assert.All(submitted, id => Assert.Equal((1, 1), activity.GetValueOrDefault(id)));
        var counts = _broker.GetCounts(Queue);
        Assert.True(counts.ExpiredLocks > 0, "No message went out again after the dead worker's lock ran out.");
        Assert.Equal(0, counts.DeadLettered);
        Assert.False(workers[1].HasExited, workers[1].Output);
    }

    private async Task<(HostProcess[] Apis, HostProcess[] Workers)> StartAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage:Sqlite:DataFolder"] = _data,
            ["Messaging:Transport"] = "ServiceBus",
            ["Messaging:ServiceBus:ConnectionString"] = _broker.ConnectionString,
            ["Messaging:ServiceBus:Queue"] = Queue,
            ["Demo:Seed"] = "false",
            ["Live:Shared"] = "true",
            ["RateLimits:Enabled"] = "false",
            ["Routing:DefaultWipLimit"] = "10000",
            ["Outbox:Lease"] = "00:00:05",
            ["Outbox:PollInterval"] = "00:00:00.100",
        };
        // The first instance migrates the new store; the others start on it once it is ready.
        var first = Start("api-1", "Api", settings);
        await first.WaitReadyAsync(TimeSpan.FromMinutes(2));
        // The worker the test freezes only consumes: frozen inside one of the periodic passes' writes, it would hold the
        // store's write lock and stall every other instance until it is killed.
        var consumerOnly = new Dictionary<string, string>(settings) { ["Live:Shared"] = "false" };
        foreach (var pass in new[] { "OutboxDispatcher", "LeaseSweeper", "SlaMonitor", "WebhookDelivery", "Imports", "AutoClose", "Billing", "EmailDelivery" })
            consumerOnly[$"Workers:Run{pass}"] = "false";
        var others = new[] { Start("api-2", "Api", settings), Start("worker-1", "Workers", consumerOnly), Start("worker-2", "Workers", settings) };
        await Task.WhenAll(others.Select(h => h.WaitReadyAsync(TimeSpan.FromMinutes(2))));
        return ([first, others[0]], [others[1], others[2]]);
    }

    private HostProcess Start(string name, string roles, IReadOnlyDictionary<string, string> settings)
    {
        var host = HostProcess.Start(name, roles, settings);
        _hosts.Add(host);
        return host;
    }

    /// <summary>Each tenant's client submits through both API instances in turn.</summary>
    private static async Task<List<Guid>> SubmitAsync(HostProcess[] apis, HttpClient admin)
    {
        var submitted = new ConcurrentBag<Guid>();
        await Parallel.ForEachAsync(Enumerable.Range(1, Tenants), async (t, _) =>
        {
            var (tenant, directory) = ($"client-{t}", Guid.NewGuid().ToString());
            await PlatformClient.OnboardActiveAsync(admin, tenant, directory, "hr");
            var clients = await Task.WhenAll(apis.Select(api => PlatformClient.SignInAsync(api, $"user-{t}", $"User {t}", "Client.User", directory)));
            for (var i = 0; i < ItemsPerTenant; i++) submitted.Add(await PlatformClient.SubmitAsync(clients[i % 2], tenant, $"Item {i} of {tenant}"));
        });
        return [.. submitted];
    }

    /// <summary>Sixteen agents, half on each API instance, claim until the queue is empty.</summary>
    private static async Task<List<Guid>> ClaimAllAsync(HostProcess[] apis)
    {
        var claimed = new ConcurrentBag<Guid>();
        await Parallel.ForEachAsync(Enumerable.Range(1, Agents), new ParallelOptions { MaxDegreeOfParallelism = Agents }, async (a, _) =>
        {
            var agent = await PlatformClient.SignInAsync(apis[a % 2], $"agent-{a}", $"Agent {a}", "Agent");
            while (await PlatformClient.ClaimNextAsync(agent) is { } id) claimed.Add(id);
        });
        return [.. claimed];
    }

    private long Undelivered()
    {
        using var db = Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox_messages WHERE delivered_at IS NULL";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Per item: how many "submitted" and "started work" entries the activity feed projection wrote.</summary>
    private Dictionary<Guid, (long Submitted, long Claimed)> Activity()
    {
        using var db = Open();
        using var command = db.CreateCommand();
        command.CommandText = """
            SELECT item_id, SUM(text LIKE 'Submitted %'), SUM(text LIKE 'Started work on %')
            FROM activity_entries WHERE item_id IS NOT NULL GROUP BY item_id
            """;
        using var rows = command.ExecuteReader();
        var result = new Dictionary<Guid, (long, long)>();
        while (rows.Read()) result[Guid.Parse(rows.GetString(0))] = (rows.GetInt64(1), rows.GetInt64(2));
        return result;
    }

    private SqliteConnection Open()
    {
        var file = Directory.GetFiles(_data, "*.db").Single();
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly }.ToString());
        db.Open();
        return db;
    }

    private async Task UntilAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!condition())
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Waited two minutes for {what}. {_broker.GetCounts(Queue)}\n"
                    + string.Join("\n", _hosts.Select(h => $"--- {h.Name}:\n{h.Output}")));
            await Task.Delay(100);
        }
    }
}
