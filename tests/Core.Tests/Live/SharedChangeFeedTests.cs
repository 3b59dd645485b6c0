using BackOffice.Core.Live;

namespace BackOffice.Core.Tests.Live;

/// <summary>The change feed of several instances over a log kept in memory here (the store's own log has its contract suite).</summary>
public sealed class SharedChangeFeedTests
{
    private static readonly LiveOptions Options = new() { PollInterval = TimeSpan.FromMilliseconds(20), BatchSize = 2 };
    private readonly MemoryLog _log = new();

    [Fact]
    public async Task Publish_IsHeardHereAtOnce_AndWrittenToTheLogUnderThisInstance()
    {
        var feed = new SharedChangeFeed(_log, Options, TimeProvider.System);
        var heard = new List<ChangeSignal>();
        using var page = feed.Subscribe("acme", s => { heard.Add(s); return Task.CompletedTask; });
        using var stop = new CancellationTokenSource();
        var writing = feed.WriteOutAsync(stop.Token);

        feed.Publish(Signal("acme"));
        await Until(() => _log.Count == 1);
        await stop.CancelAsync();
        await writing;

        Assert.Single(heard);
        Assert.Equal(feed.Origin, Assert.Single(_log.All).Origin);
    }

    [Fact]
    public async Task ReadIn_TellsThePages_WhatOtherInstancesWroteSinceTheStart_PageByPage_NotItsOwn()
    {
        var feed = new SharedChangeFeed(_log, Options, TimeProvider.System);
        await _log.AppendAsync("other", [Signal("acme", "before-start")], default);
        await feed.StartAsync(default);
        var heard = new List<string>();
        using var page = feed.Subscribe(null, s => { heard.Add(s.Topic); return Task.CompletedTask; });
        await _log.AppendAsync("other", [Signal("acme", "a"), Signal("globex", "b"), Signal("acme", "c")], default);
        await _log.AppendAsync(feed.Origin, [Signal("acme", "mine")], default);
        await _log.AppendAsync("third", [Signal("acme", "d"), Signal("acme", "e")], default);

        await feed.ReadInAsync(default);
        await feed.ReadInAsync(default);

        await Until(() => heard.Count >= 5);
        Assert.Equal(["a", "b", "c", "d", "e"], heard.Order());
    }

    [Fact]
    public async Task Stopping_WritesWhatWasPublishedButNotYetWritten()
    {
        var feed = new SharedChangeFeed(_log, Options with { PollInterval = TimeSpan.FromMinutes(1) }, TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var writing = feed.WriteOutAsync(stop.Token);
        feed.Publish(Signal("acme"));
        feed.Publish(Signal("acme"));

        await stop.CancelAsync();
        await writing;

        Assert.Equal(2, _log.Count);
    }

    private static ChangeSignal Signal(string tenant, string topic = ChangeTopics.WorkItem) => new(tenant, topic, null, DateTimeOffset.UnixEpoch);

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }

    private sealed class MemoryLog : IChangeSignalLog
    {
        private readonly List<LoggedSignal> _signals = [];

        public IReadOnlyList<LoggedSignal> All { get { lock (_signals) return [.. _signals]; } }

        public int Count { get { lock (_signals) return _signals.Count; } }

        public Task AppendAsync(string origin, IReadOnlyList<ChangeSignal> signals, CancellationToken ct)
        {
            lock (_signals) foreach (var s in signals) _signals.Add(new LoggedSignal(_signals.Count + 1, origin, s));
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<LoggedSignal>> ReadAfterAsync(long position, int max, CancellationToken ct)
        {
            lock (_signals) return Task.FromResult<IReadOnlyList<LoggedSignal>>([.. _signals.Where(s => s.Position > position).Take(max)]);
        }

        public Task<long> LastPositionAsync(CancellationToken ct) => Task.FromResult((long)Count);

        public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct) => Task.FromResult(0);
    }
}
