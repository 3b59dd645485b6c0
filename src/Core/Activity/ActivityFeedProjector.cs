using BackOffice.Core.Common;
using BackOffice.Core.Events;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Activity;

/// <summary>Writes what happened to a tenant's work into its activity feed, once per event.</summary>
public sealed class ActivityFeedProjector(IActivityStore activity) : IDomainEventHandler
{
    public bool Handles(DomainEvent domainEvent) => domainEvent is WorkItemEvent or TenantStatusChanged or Sla.SlaSettingsChanged or Finance.Pricing.PricePlanChanged
        or Finance.Runs.InvoiceIssued or Finance.Runs.InvoiceStatusChanged or Finance.Runs.InvoiceOverdue;

    public Task HandleAsync(DomainEvent domainEvent, TenantScope scope, CancellationToken ct)
    {
        var (itemId, text) = domainEvent switch
        {
            WorkItemSubmitted e => (e.ItemId, $"Submitted \"{e.Title}\""),
            WorkItemEdited e => (e.ItemId, $"Changed {string.Join(", ", e.Fields)} of \"{e.Title}\""),
            WorkItemClaimed e => (e.ItemId, $"Started work on \"{e.Title}\""),
            WorkItemReturnedToQueue e => (e.ItemId, $"Returned \"{e.Title}\" to the queue after its claim lapsed"),
            WorkItemResolved e => (e.ItemId, $"Resolved \"{e.Title}\""),
            WorkItemWaitingOnClient e => (e.ItemId, $"Asked you about \"{e.Title}\": {e.Question}"),
            WorkItemAnswered e => (e.ItemId, $"Answered the question on \"{e.Title}\""),
            WorkItemCancelled e => (e.ItemId, $"Cancelled \"{e.Title}\": {e.Reason}"),
            WorkItemClosed e => (e.ItemId, e.Confirmed ? $"Confirmed and closed \"{e.Title}\"" : $"Closed \"{e.Title}\" when its confirmation window ended"),
            Sla.SlaWarning e => (e.ItemId, $"SLA warning: {Clock(e.Clock)} of \"{e.Title}\" is {e.Percent}% through, due {e.DueAt:u}"),
            Sla.SlaBreached e => (e.ItemId, $"SLA breached: {Clock(e.Clock)} of \"{e.Title}\" was due {e.DueAt:u}"),
            SlaReplayed e => (e.ItemId, $"SLA clocks of \"{e.Title}\" recomputed under version {e.ToVersion}: {e.Reason}"),
            TenantStatusChanged e => ((Guid?)null, $"Tenant is now {e.Status.ToText()}"),
            Sla.SlaSettingsChanged e => ((Guid?)null, $"SLA changed: version {e.Version} applies to work submitted from now on"),
            Finance.Pricing.PricePlanChanged e => ((Guid?)null, $"Price plan changed: version {e.Version}, in {e.Currency}, applies from {e.EffectiveFrom}"
                + (e.Reason is null ? "" : $" ({e.Reason})")),
            Finance.Runs.InvoiceIssued e => ((Guid?)null, $"Invoice {e.Number} for {e.Period} issued: {e.Total} {e.Currency}, due {e.DueDate:yyyy-MM-dd}"
                + (e.Credits > 0 ? $", with {e.Credits} {e.Currency} of SLA credits" : "")),
            Finance.Runs.InvoiceStatusChanged e => ((Guid?)null, $"Invoice {e.Number} for {e.Period} is now {e.Status.ToText()}"
                + (e.FailureMessage is null ? "" : $": {e.FailureMessage}")),
            Finance.Runs.InvoiceOverdue e => ((Guid?)null, $"Reminder {e.Reminder}: invoice {e.Number} for {e.Period} ({e.Total} {e.Currency}) is {e.DaysOverdue} days overdue"
                + (e.SuspendsOn is { } day ? $"; service is suspended on {day:yyyy-MM-dd} if it stays unpaid" : "")),
            _ => throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent.GetType().Name, "Not an activity event."),
        };
        static string Clock(Sla.SlaClockKind clock) => clock == Sla.SlaClockKind.FirstResponse ? "first response" : "resolution";
        return activity.AppendAsync(scope, new ActivityEntry(domainEvent.TenantId, domainEvent.EventId, domainEvent.OccurredAt, domainEvent.ActorName, itemId, text), ct);
    }
}
