using System.Diagnostics;
using BackOffice.Core.Common;
using BackOffice.Core.Routing;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Queues.ClaimNextWorkItem;

/// <summary>The item an agent took, and its payload as that agent may see it.</summary>
public sealed record ClaimedWork(WorkItem Item, string? Payload);

/// <summary>
/// An agent takes the next item of a queue under a lease: only from a queue they are skilled for, only a tenant's they
/// may serve, and only while under their work-in-progress limit. Null when the queue has nothing for them.
/// </summary>
public sealed class ClaimNextWorkItem(IWorkQueue queues, IAgentProfileStore profiles, QueueOptions options, RoutingOptions routing,
    Audit.RecordAccess record, TimeProvider time)
{
    public async Task<ClaimedWork?> HandleAsync(Actor actor, string queue, CancellationToken ct)
    {
        using var span = PlatformTelemetry.Start("ClaimNextWorkItem");
        span?.SetTag("backoffice.queue", queue);
        var started = Stopwatch.GetTimestamp();
        // Metrics get the line and whether the queue is dedicated, never the name: a dedicated queue's holds its tenant's
        // id, and an unknown one is whatever the caller sent.
        var known = EnumText.TryParse<ServiceLine>(queue.Split('.')[0], out var parsed);
        var (line, dedicated) = (known ? parsed.ToText() : "unknown", queue.Contains('.', StringComparison.Ordinal));
        try
        {
            var claimed = await ClaimAsync(actor, queue, ct);
            span?.SetTag("backoffice.tenant", claimed?.Item.TenantId);
            span?.SetTag("backoffice.item", claimed?.Item.Id);
            Count(claimed is null ? "empty" : "claimed");
            return claimed;
        }
        catch (Exception ex) when (ex is ForbiddenException or NotFoundException or ValidationException)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            Count("refused");
            throw;
        }

        void Count(string outcome)
        {
            var tags = new TagList { { "line", line }, { "dedicated", dedicated }, { "outcome", outcome } };
            PlatformTelemetry.Claims.Add(1, tags);
            PlatformTelemetry.ClaimDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
        }
    }

    private async Task<ClaimedWork?> ClaimAsync(Actor actor, string queue, CancellationToken ct)
    {
        Permissions.Require(actor, Roles.Agent, Roles.Supervisor);
        var (line, dedicatedTo) = QueueName.Parse(queue);
        var explicitProfile = await profiles.FindAsync(actor.Subject, ct);
        var profile = explicitProfile ?? AgentProfile.Default(actor.Subject, actor.Name, routing.DefaultWipLimit);
        if (!profile.Serves(line)) throw new ForbiddenException($"You are not skilled for the {line.ToText()} queue.");
        // A dedicated queue is its tenant's own team's: only agents a supervisor named for that tenant take from it.
        if (dedicatedTo is not null && profile.Tenants?.Contains(dedicatedTo) != true) throw new ForbiddenException($"You are not on {dedicatedTo}'s dedicated team.");
        var now = time.GetUtcNow();
        var item = await queues.ClaimNextAsync(QueueName.Of(line, dedicatedTo), new ClaimLease(actor, now, now + options.LeaseDuration, profile.Tenants, profile.WipLimit), ct);
        if (item is null) return null;
        var see = Hr.SensitiveData.MaySee(actor, explicitProfile, item.TenantId);
        await record.PayloadReadAsync(actor, item.TenantId, item.Id, item.Payload, see, ct);
        return new ClaimedWork(item, Hr.SensitiveData.PayloadFor(item.Payload, see));
    }
}
