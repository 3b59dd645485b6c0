using Azure.Messaging.ServiceBus;
using BackOffice.Core.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackOffice.Messaging.ServiceBus;

/// <summary>
/// The workers' side: takes each event from the queue with peek-lock and runs its handlers. Complete on success; abandon on
/// a failure, so Service Bus delivers it again (to this or another instance) until the queue's max delivery count
/// dead-letters it; dead-letter at once what can never be read. The processor renews the lock while a handler runs.
/// </summary>
internal sealed class ServiceBusEventConsumer(ServiceBusClient client, EventHandling handling, MessagingOptions options,
    ILogger<ServiceBusEventConsumer> logger) : IHostedService, IAsyncDisposable
{
    private ServiceBusProcessor? _processor;

    public async Task StartAsync(CancellationToken ct)
    {
        _processor = client.CreateProcessor(options.ServiceBus.Queue, new ServiceBusProcessorOptions
        {
            AutoCompleteMessages = false, ReceiveMode = ServiceBusReceiveMode.PeekLock,
            MaxConcurrentCalls = options.ServiceBus.MaxConcurrentCalls, MaxAutoLockRenewalDuration = options.ServiceBus.MaxLockRenewal,
        });
        _processor.ProcessMessageAsync += HandleAsync;
        _processor.ProcessErrorAsync += args =>
        {
            logger.LogWarning(args.Exception, "Service Bus {Source} failed on {Entity}", args.ErrorSource, args.EntityPath);
            return Task.CompletedTask;
        };
        await _processor.StartProcessingAsync(ct);
    }

    private async Task HandleAsync(ProcessMessageEventArgs args)
    {
        try
        {
            await handling.HandleAsync(OutboxEnvelope.FromServiceBus(args.Message), args.CancellationToken);
            await args.CompleteMessageAsync(args.Message, args.CancellationToken);
        }
        catch (PoisonMessageException ex)
        {
            logger.LogError(ex, "Dead-lettering message {MessageId}: it cannot be read", args.Message.MessageId);
            await args.DeadLetterMessageAsync(args.Message, "Poison", ex.Message, args.CancellationToken);
        }
        catch (Exception ex) when (!args.CancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Handling {Type} {MessageId} failed (delivery {Delivery}); it comes back", args.Message.Subject,
                args.Message.MessageId, args.Message.DeliveryCount);
            await args.AbandonMessageAsync(args.Message, cancellationToken: args.CancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (_processor is not null) await _processor.StopProcessingAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_processor is not null) await _processor.DisposeAsync();
    }
}
