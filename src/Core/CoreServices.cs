using BackOffice.Core.Activity;
using BackOffice.Core.Billing;
using BackOffice.Core.Events;
using BackOffice.Core.Hr;
using BackOffice.Core.Imports;
using BackOffice.Core.Live;
using BackOffice.Core.Orders;
using BackOffice.Core.Queues;
using BackOffice.Core.Queues.ClaimNextWorkItem;
using BackOffice.Core.Queues.ForecastBreaches;
using BackOffice.Core.Queues.ReadQueues;
using BackOffice.Core.Sla.Alerts;
using BackOffice.Core.Sla.ManageSla;
using BackOffice.Core.Sla.ReplaySla;
using BackOffice.Core.Sla.MonitorSla;
using BackOffice.Core.Sla.Reporting;
using BackOffice.Core.Queues.ReturnLapsedClaims;
using BackOffice.Core.Queues.Supervise;
using BackOffice.Core.Routing;
using BackOffice.Core.Routing.ManageAgents;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Tenancy.ChangeTenantStatus;
using BackOffice.Core.Tenancy.DedicatedQueues;
using BackOffice.Core.Tenancy.OnboardTenant;
using BackOffice.Core.Tenancy.ReadTenants;
using BackOffice.Core.Webhooks;
using BackOffice.Core.Webhooks.ManageWebhook;
using BackOffice.Core.WorkItems.Checklist;
using BackOffice.Core.WorkItems.CloseWorkItem;
using BackOffice.Core.WorkItems.EditWorkItem;
using BackOffice.Core.WorkItems.ReadWorkItems;
using BackOffice.Core.WorkItems.ResolveWorkItem;
using BackOffice.Core.WorkItems.SubmitWorkItem;
using BackOffice.Core.WorkItems.WaitOnClient;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BackOffice.Core;

/// <summary>The core's own registration: every host (and every role) gets the same use cases and rules.</summary>
public static class CoreServices
{
    /// <summary>The use cases of the core, with their options bound and validated at start.</summary>
    public static IServiceCollection AddCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<QueueOptions>(QueueOptions.SectionName);
        services.AddValidatedOptions<OutboxOptions>(OutboxOptions.SectionName);
        services.AddValidatedOptions<SlaMonitorOptions>(SlaMonitorOptions.SectionName);
        services.AddValidatedOptions<WebhookOptions>(WebhookOptions.SectionName);
        services.AddValidatedOptions<RoutingOptions>(RoutingOptions.SectionName);
        services.AddValidatedOptions<ClosingOptions>(ClosingOptions.SectionName);
        services.AddValidatedOptions<ImportOptions>(ImportOptions.SectionName);
        services.AddValidatedOptions<Core.Attachments.AttachmentOptions>(Core.Attachments.AttachmentOptions.SectionName);
        services.AddSingleton<Core.Attachments.ManageAttachments>();
        services.AddSingleton<TenantAccess>().AddSingleton<Core.Audit.RecordAccess>().AddSingleton<Core.Audit.ReadAudit>()
            .AddSingleton<OnboardTenant>().AddSingleton<ChangeTenantStatus>().AddSingleton<SetDedicatedQueues>().AddSingleton<ReadTenants>()
            .AddSingleton<SubmitWorkItem>().AddSingleton<ReadWorkItems>().AddSingleton<EditWorkItem>().AddSingleton<ResolveWorkItem>().AddSingleton<WaitOnClient>().AddSingleton<TickStep>().AddSingleton<CloseWorkItem>()
            .AddSingleton<ClaimNextWorkItem>().AddSingleton<ReadQueues>().AddSingleton<ForecastBreaches>().AddSingleton<ManageAgents>()
            .AddSingleton<SuperviseQueue>().AddSingleton<ReadQueueBoard>()
            .AddSingleton<HrResolution>().AddSingleton<SensitiveData>().AddSingleton<ReadEmployees>()
            .AddSingleton<BillingResolution>().AddSingleton<ReadCustomers>().AddSingleton<ReadLedger>().AddSingleton<PayablesResolution>().AddSingleton<ReadVendors>()
            .AddSingleton<OrderResolution>().AddSingleton<ManageWarehouse>()
            .AddSingleton<StartImport>().AddSingleton<RunImports>().AddSingleton<ReturnLapsedClaims>()
            .AddSingleton<SlaSettingsSource>().AddSingleton<ManageSla>().AddSingleton<Core.Finance.Pricing.ManagePricePlan.ManagePricePlan>().AddSingleton<MonitorSla>().AddSingleton<ReportSla>().AddSingleton<ReplaySla>()
            .AddSingleton<ReadActivity>().AddSingleton<IDomainEventHandler, ActivityFeedProjector>()
            .AddSingleton<ReadSlaAlerts>().AddSingleton<IDomainEventHandler, SlaEscalation>()
            .AddSingleton<WebhookSecrets>().AddSingleton<ManageWebhook>().AddSingleton<IDomainEventHandler, WebhookFanout>()
            .AddSingleton<OutboxDispatcher>().AddSingleton<EventHandling>().AddSingleton<IEventBus, InProcessEventBus>()
            .AddSingleton<ReadWorkSummary>()
            .AddSingleton<Core.Exports.AuditedExports>().AddSingleton<EmployeeExport>().AddSingleton<BillingExport>().AddSingleton<WarehouseExport>();
        services.TryAddSingleton<IChangeFeed, InProcessChangeFeed>();
        services.AddValidatedOptions<LiveOptions>(LiveOptions.SectionName);
        services.AddSingleton<IDomainEventHandler, PublishWorkItemChanges>();
        services.AddSingleton<Core.Tenancy.TenantOverview.ReadTenantOverview>().AddSingleton<PreviewOnboardingSla>();
        services.AddSingleton<IDomainEventHandler, PublishTenantChanges>();
        services.AddValidatedOptions<Core.Notifications.EmailOptions>(Core.Notifications.EmailOptions.SectionName);
        services.AddSingleton<Core.Notifications.RecordUser>().AddSingleton<Core.Notifications.ManageNotifications>().AddSingleton<Core.Notifications.SendDigests>()
            .AddSingleton<IDomainEventHandler, Core.Notifications.NotifyRecipients>();
        services.AddSingleton<Core.Queues.Holdings.ReadHoldings>();
        services.AddSingleton<IDomainEventHandler, Core.Finance.Metering.MeterUsage>();
        services.AddValidatedOptions<Core.Finance.BillingOptions>(Core.Finance.BillingOptions.SectionName);
        services.AddSingleton<Core.Finance.BillingSignal>()
            .AddSingleton<Core.Finance.Runs.ManageRuns.ManageBillingRuns>().AddSingleton<Core.Finance.Runs.ManageRuns.ReviewInvoices>()
            .AddSingleton<Core.Finance.Runs.DraftInvoices.DraftInvoices>().AddSingleton<Core.Finance.Runs.IssueInvoices.IssueInvoices>()
            .AddSingleton<Core.Finance.Invoices.ReadInvoices>().AddSingleton<Core.Finance.Invoices.FinanceExports>()
            .AddSingleton<Core.Finance.Payments.Payments>().AddSingleton<Core.Finance.Dunning.RunDunning>().AddSingleton<Core.Finance.Dunning.ManageDunning>()
            .AddSingleton<Core.Finance.Metering.ReadUsage.ReadUsage>().AddSingleton<Core.Finance.Metering.AdjustUsage>();
        return services;
    }

    /// <summary>Binds a section to an options record, validates it at start, and lets the core take the record itself.</summary>
    public static IServiceCollection AddValidatedOptions<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services;
    }
}
