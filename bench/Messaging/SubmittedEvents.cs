using BackOffice.Core.Common;
using BackOffice.Core.Events;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Benchmarks.Messaging;

/// <summary>Outbox messages as the store writes them: a real submission's event, serialized by <see cref="EventSerializer"/>, its id the event's.</summary>
internal static class SubmittedEvents
{
    private static readonly Actor Client = new("client-7", "Dana Client", new HashSet<string> { Roles.ClientUser }, null);

    /// <summary>Fresh ids every call: the Service Bus queue's duplicate detection would drop a message id it has seen.</summary>
    public static OutboxMessage[] Create(int count)
    {
        var now = DateTimeOffset.UtcNow;
        return Enumerable.Range(0, count).Select(i =>
        {
            var scope = TenantScope.ForWorker($"tenant-{i % 20:D2}");
            var spec = new NewWorkItem(ServiceLine.Hr, "new-hire", Priority.P3, $"Onboard new starter #{i}", "Laptop, badge and payroll set-up before the first day.");
            return EventSerializer.ToMessage(WorkItem.Submit(scope, spec, Client, now).PendingEvents.Single());
        }).ToArray();
    }
}
