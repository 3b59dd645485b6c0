using Azure.Messaging.ServiceBus;
using BackOffice.Testing.ServiceBus;

namespace BackOffice.Messaging.Tests;

/// <summary>Each test gets its own broker on a free port and a real SDK client connected to it.</summary>
public abstract class BrokerTestBase : IAsyncLifetime
{
    /// <summary>Generous: a 2-core CI machine running tests in parallel can be slow, and success returns early.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    protected TestServiceBusBroker Broker { get; } = new();

    protected ServiceBusClient Client { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await Broker.StartAsync();
        Client = new ServiceBusClient(Broker.ConnectionString, new ServiceBusClientOptions
        {
            RetryOptions = new ServiceBusRetryOptions { TryTimeout = Patience, MaxRetries = 1 },
        });
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await Broker.DisposeAsync();
    }

    protected static async Task<ServiceBusReceivedMessage> ReceiveOneAsync(ServiceBusReceiver receiver) =>
        await receiver.ReceiveMessageAsync(Patience)
        ?? throw new Xunit.Sdk.XunitException($"No message arrived on '{receiver.EntityPath}' within {Patience}.");

    protected async Task SendAsync(string queue, params ServiceBusMessage[] messages)
    {
        await using var sender = Client.CreateSender(queue);
        await sender.SendMessagesAsync(messages);
    }
}
