using BackOffice.Core;
using BackOffice.Core.Webhooks.DeliverWebhooks;
using BackOffice.ServiceDefaults;
using BackOffice.Workers.DemoData;
using BackOffice.Workers.Imports;
using BackOffice.Workers.Outbox;
using BackOffice.Workers.Queues;
using BackOffice.Workers.Sla;
using BackOffice.Workers.Webhooks;
using BackOffice.Workers.WorkItems;

namespace BackOffice.Workers;

public static class WorkersExtensions
{
    /// <summary>
    /// The background services (outbox dispatcher, lease sweeper, SLA monitor, webhook delivery, imports, auto-close) and the demo seed step. Call after the stores,
    /// so that migrations run first. The host adds what they send through (the webhook and e-mail senders).
    /// </summary>
    public static IHostApplicationBuilder AddWorkers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<WorkersOptions>(WorkersOptions.SectionName);
        builder.Services.AddSingleton(Core.Coordination.WorkerInstance.ForThisProcess()).AddSingleton<ExclusiveWork>();
        builder.Services.AddValidatedOptions<DemoOptions>(DemoOptions.SectionName);
        builder.Services.AddSingleton<DemoDataSeeder>().AddSingleton<DemoBilling>();
        builder.Services.AddHostedService<DemoSeedStep>();
        var options = builder.Configuration.GetSection(WorkersOptions.SectionName).Get<WorkersOptions>() ?? new();
        if (options.RunOutboxDispatcher) builder.Services.AddHostedService<OutboxDispatcherService>().AddHostedService<OutboxRetentionService>();
        if (options.RunLeaseSweeper) builder.Services.AddHostedService<LeaseSweeperService>();
        if (options.RunSlaMonitor) builder.Services.AddHostedService<SlaMonitorService>();
        if (options.RunImports) builder.Services.AddHostedService<ImportService>();
        if (options.RunAutoClose) builder.Services.AddHostedService<AutoCloseService>();
        if (options.RunWebhookDelivery) builder.Services.AddSingleton<DeliverWebhooks>().AddHostedService<WebhookDeliveryService>();
        if (options.RunBilling) builder.Services.AddHostedService<Billing.BillingRunService>().AddHostedService<Billing.DunningService>();
        if (options.RunEmailDelivery) builder.Services.AddEmailDelivery();
        return builder;
    }

    /// <summary>The delivery worker and the daily digest, over the host's e-mail sender.</summary>
    private static IServiceCollection AddEmailDelivery(this IServiceCollection services) => services
        .AddSingleton<BackOffice.Core.Notifications.DeliverEmails>()
        .AddSingleton<BackOffice.Core.Notifications.PurgeNotifications>()
        .AddHostedService<Notifications.EmailDeliveryService>().AddHostedService<Notifications.DigestService>()
        .AddHostedService<Notifications.NotificationRetentionService>();
}
