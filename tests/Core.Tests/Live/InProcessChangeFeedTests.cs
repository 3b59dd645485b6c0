using BackOffice.Core.Live;

namespace BackOffice.Core.Tests.Live;

public sealed class InProcessChangeFeedTests
{
    private static ChangeSignal Signal(string tenant) => new(tenant, ChangeTopics.WorkItem, Guid.NewGuid(), DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Publish_ReachesItsTenantsSubscribers_AndTheAllTenantsOnes_ButNoOtherTenants()
    {
        var feed = new InProcessChangeFeed();
        var heard = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var northwind = feed.Subscribe("northwind", s => { heard.Add("northwind:" + s.TenantId); return Task.CompletedTask; });
        using var contoso = feed.Subscribe("contoso", s => { heard.Add("contoso:" + s.TenantId); return Task.CompletedTask; });
        using var board = feed.Subscribe(null, s => { heard.Add("board:" + s.TenantId); return Task.CompletedTask; });

        feed.Publish(Signal("northwind"));
        await Task.Delay(50);

        Assert.Equal(["board:northwind", "northwind:northwind"], heard.Order());
    }

    [Fact]
    public void Dispose_StopsTheSubscription_AndLeavesNoEntryBehind()
    {
        var feed = new InProcessChangeFeed();
        var subscriptions = Enumerable.Range(0, 100).Select(i => feed.Subscribe($"t{i % 3}", _ => Task.CompletedTask)).ToList();

        Parallel.ForEach(subscriptions, s => s.Dispose());

        Assert.Equal(0, feed.SubscriberCount);
    }

    [Fact]
    public async Task AThrowingSubscriber_IsDropped_AndOthersStillHear()
    {
        var feed = new InProcessChangeFeed();
        var heard = 0;
        feed.Subscribe("northwind", _ => throw new InvalidOperationException("circuit gone"));
        using var healthy = feed.Subscribe("northwind", _ => { Interlocked.Increment(ref heard); return Task.CompletedTask; });

        feed.Publish(Signal("northwind"));
        await Task.Delay(50);
        feed.Publish(Signal("northwind"));
        await Task.Delay(50);

        Assert.Equal(2, heard);
        Assert.Equal(1, feed.SubscriberCount);
    }
}
