using System.Net;
using System.Net.Sockets;
using Amqp;
using Amqp.Listener;

namespace BackOffice.Testing.ServiceBus;

/// <summary>
/// A small in-process AMQP 1.0 broker that the real Azure.Messaging.ServiceBus SDK can use: queues with
/// peek-lock, dead-letter sub-queues, scheduling, duplicate detection and lock renewal. Entities are created
/// through this class; the SDK's HTTP administration client does not work against it.
/// </summary>
public sealed class TestServiceBusBroker : IAsyncDisposable
{
    static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(50);
    static readonly TimeSpan DefaultLockDuration = TimeSpan.FromSeconds(60);

    readonly object _gate = new();
    readonly Dictionary<string, BrokerQueue> _entities = new(StringComparer.OrdinalIgnoreCase);
    readonly Timer _sweeper;
    ContainerHost? _host;

    public TestServiceBusBroker() => _sweeper = new Timer(_ => Sweep(), null, Timeout.Infinite, Timeout.Infinite);

    /// <summary>The loopback port the broker listens on, once started.</summary>
    public int Port { get; private set; }

    /// <summary>For <c>new ServiceBusClient(...)</c>: plain AMQP on loopback, any key is accepted.</summary>
    public string ConnectionString => _host is null
        ? throw new InvalidOperationException("Start the broker first.")
        : $"Endpoint=sb://127.0.0.1:{Port};SharedAccessKeyName=test;SharedAccessKey=test;UseDevelopmentEmulator=true";

    /// <summary>Starts listening on a free loopback port.</summary>
    public Task StartAsync()
    {
        if (_host is not null)
        {
            throw new InvalidOperationException("The broker is already started.");
        }

        for (var attempt = 1; _host is null; attempt++)
        {
            var port = FindFreePort();
            var host = CreateHost(port);
            try
            {
                host.Open();
                (_host, Port) = (host, port);
            }
            catch (SocketException) when (attempt < 5)
            {
                host.Close(); // something else took the port between the probe and the bind
            }
        }

        _sweeper.Change(SweepInterval, SweepInterval);
        return Task.CompletedTask;
    }

    /// <summary>Creates a queue and its <c>{name}/$deadletterqueue</c>; can be called before or after starting.</summary>
    public void CreateQueue(string name, int maxDeliveryCount = 10, TimeSpan? lockDuration = null, bool duplicateDetection = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDeliveryCount, 1);
        var settings = new QueueSettings(maxDeliveryCount, lockDuration ?? DefaultLockDuration, duplicateDetection);
        lock (_gate)
        {
            if (_entities.ContainsKey(name))
            {
                throw new InvalidOperationException($"Queue '{name}' already exists.");
            }

            var deadLetterPath = name + BrokerQueue.DeadLetterSuffix;
            var deadLetterQueue = new BrokerQueue(_gate, deadLetterPath, settings.ForDeadLetterQueue(), deadLetterQueue: null);
            var queue = new BrokerQueue(_gate, name, settings, deadLetterQueue);
            foreach (var entity in new[] { queue, deadLetterQueue })
            {
                _entities.Add(entity.Path, entity);
                if (_host is not null)
                {
                    RegisterManagement(_host, entity);
                }
            }
        }
    }

    /// <summary>Message counts of a queue (or of <c>{name}/$deadletterqueue</c>).</summary>
    public QueueCounts GetCounts(string queueName) =>
        FindEntity(queueName)?.Counts ?? throw new ArgumentException($"Queue '{queueName}' does not exist.", nameof(queueName));

    /// <summary>
    /// How many of a queue's locks end within <paramref name="window"/>: a consumer that is alive renews its locks well
    /// before that, so these are held by a consumer that stopped (frozen, hung or dead).
    /// </summary>
    public int CountLocksEndingWithin(string queueName, TimeSpan window) =>
        FindEntity(queueName)?.CountLocksEndingBy(DateTime.UtcNow + window) ?? throw new ArgumentException($"Queue '{queueName}' does not exist.", nameof(queueName));

    public async ValueTask DisposeAsync()
    {
        await _sweeper.DisposeAsync();
        _host?.Close();
    }

    BrokerQueue? FindEntity(string path)
    {
        lock (_gate)
        {
            return _entities.GetValueOrDefault(path);
        }
    }

    ContainerHost CreateHost(int port)
    {
        var host = new ContainerHost(new Address($"amqp://127.0.0.1:{port}"));
        var listener = host.Listeners[0];
        listener.SASL.EnableMechanism(CbsSaslProfile.MechanismName, new CbsSaslProfile());
        var tagger = new LockTokenDeliveryTagger();
        listener.HandlerFactory = _ => tagger;
        host.RegisterRequestProcessor("$cbs", new CbsTokenProcessor());
        host.RegisterLinkProcessor(new EntityLinkProcessor(FindEntity));
        lock (_gate)
        {
            foreach (var entity in _entities.Values)
            {
                RegisterManagement(host, entity);
            }
        }

        return host;
    }

    static void RegisterManagement(ContainerHost host, BrokerQueue entity) =>
        host.RegisterRequestProcessor(entity.Path + "/$management", new ManagementRequestProcessor(entity));

    void Sweep()
    {
        var now = DateTime.UtcNow;
        lock (_gate)
        {
            foreach (var entity in _entities.Values)
            {
                entity.ExpireLocksAndActivateSchedules(now);
            }
        }
    }

    static int FindFreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        try
        {
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        finally
        {
            probe.Stop();
        }
    }
}
