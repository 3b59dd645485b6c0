using BackOffice.Core.Audit;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Webhooks.ManageWebhook;

/// <param name="Events">Event names to send; all of <see cref="WebhookEvents.All"/> when left out.</param>
public sealed record WebhookRequest(string? Url, IReadOnlyList<string>? Events);

/// <summary>
/// A tenant's admin (or a platform admin) points the tenant's events at a URL, rotates the signing secret, and watches each
/// delivery's status; a failed delivery can be sent again. The secret is shown once, to the tenant's admin only: when the
/// webhook is created and when the secret is rotated. A platform admin may rotate it (to revoke a leaked one) but never sees it.
/// </summary>
public sealed class ManageWebhook(TenantAccess access, IWebhookStore webhooks, WebhookSecrets secrets, WebhookOptions options, TimeProvider time)
{
    private static readonly string[] Managers = [Roles.ClientAdmin, Roles.PlatformAdmin];
    private static readonly string[] Watchers = [Roles.ClientAdmin, Roles.PlatformAdmin, Roles.Supervisor];
    public const int UrlMax = 2000;

    public async Task<WebhookSubscription> GetAsync(Actor actor, string tenantId, CancellationToken ct)
    {
        var scope = await ScopeAsync(actor, tenantId, Managers, ct);
        return await secrets.FindAsync(scope, ct) ?? throw new NotFoundException($"The webhook of tenant '{tenantId}'");
    }

    /// <summary>
    /// Creates or replaces the subscription; a new one gets a fresh secret (shown), a replaced one keeps its secret. Replacing is
    /// an update like any other, under If-Match (<paramref name="expectedVersion"/>); creating needs none, or
    /// <c>If-None-Match: *</c> (<paramref name="createOnly"/>) to be sure not to replace one made meanwhile.
    /// </summary>
    public async Task<(WebhookSubscription Subscription, bool Created, string? Secret)> PutAsync(Actor actor, string tenantId, WebhookRequest request,
        long? expectedVersion, bool createOnly, CancellationToken ct)
    {
        var scope = await ScopeAsync(actor, tenantId, Managers, ct);
        var (url, events) = Validate(request);
        var now = time.GetUtcNow();
        var existing = await secrets.FindAsync(scope, ct);
        var what = $"The webhook of tenant '{tenantId}'";
        if (existing is null && expectedVersion is not null || existing is not null && createOnly) throw new ConcurrencyConflictException(what);
        if (existing is not null) Versioned.Require(expectedVersion, existing.Version, what);
        var secret = existing is null ? WebhookSignature.NewSecret() : null;
        var subscription = existing is null
            ? new WebhookSubscription(scope.TenantId, url, events, secrets.Protect(secret!), now, now)
            : existing with { Url = url, Events = events, UpdatedAt = now };
        var detail = new Dictionary<string, string> { ["host"] = url.Host, ["events"] = string.Join(",", events) };
        var saved = await webhooks.SaveAsync(scope, subscription, ct, Audit(actor, scope, existing is null ? "webhook.created" : "webhook.changed", detail));
        return (saved, existing is null, Shown(actor, secret));
    }

    /// <summary>A new secret signs from now on; the old one signs alongside it for the configured overlap, then stops.</summary>
    public async Task<(WebhookSubscription Subscription, string? Secret)> RotateSecretAsync(Actor actor, string tenantId, CancellationToken ct)
    {
        var scope = await ScopeAsync(actor, tenantId, Managers, ct);
        var existing = await secrets.FindAsync(scope, ct) ?? throw new NotFoundException($"The webhook of tenant '{tenantId}'");
        var secret = WebhookSignature.NewSecret();
        var subscription = existing.Rotated(secrets.Protect(secret), time.GetUtcNow(), options.SecretRotationOverlap);
        var saved = await webhooks.SaveAsync(scope, subscription, ct, Audit(actor, scope, "webhook.secret-rotated", []));
        return (saved, Shown(actor, secret));
    }

    /// <summary>Only the tenant's own admin sees a secret: provider staff manage webhooks but do not read tenants' secrets.</summary>
    private static string? Shown(Actor actor, string? secret) => actor.IsClient ? secret : null;

    public async Task RemoveAsync(Actor actor, string tenantId, CancellationToken ct)
    {
        var scope = await ScopeAsync(actor, tenantId, Managers, ct);
        if (!await webhooks.RemoveAsync(scope, ct, Audit(actor, scope, "webhook.removed", [])))
            throw new NotFoundException($"The webhook of tenant '{tenantId}'");
    }

    public async Task<Page<WebhookDelivery>> ListDeliveriesAsync(Actor actor, string tenantId, string? status, int? pageSize, string? cursor, CancellationToken ct)
    {
        var scope = await ScopeAsync(actor, tenantId, Watchers, ct);
        var errors = new FieldErrors();
        var filter = errors.Enum<WebhookDeliveryStatus>("status", status, required: false);
        var size = Paging.PageSize(errors, pageSize);
        errors.ThrowIfAny();
        return await webhooks.ListDeliveriesAsync(scope, filter, size, cursor, ct);
    }

    public async Task<WebhookDelivery> RedeliverAsync(Actor actor, string tenantId, Guid deliveryId, CancellationToken ct)
    {
        var scope = await ScopeAsync(actor, tenantId, Managers, ct);
        var delivery = await webhooks.FindDeliveryAsync(scope, deliveryId, ct) ?? throw new NotFoundException($"Webhook delivery {deliveryId}");
        if (delivery.Status != WebhookDeliveryStatus.Failed) throw new ConflictException($"Webhook delivery {deliveryId} is {delivery.Status.ToText()}; only a failed one is sent again.");
        var again = delivery.Redelivered(time.GetUtcNow());
        await webhooks.RecordAttemptAsync(again, ct);
        return again;
    }

    /// <summary>What the trail keeps of a change: never the secret, and of the URL only its host.</summary>
    private AuditRecord Audit(Actor actor, TenantScope scope, string action, Dictionary<string, string> detail) =>
        new(scope.TenantId, time.GetUtcNow(), AuditActor.Of(actor), action, "webhook", detail);

    private async Task<TenantScope> ScopeAsync(Actor actor, string tenantId, string[] roles, CancellationToken ct)
    {
        var (_, scope) = await access.ResolveAsync(actor, tenantId, AccessMode.Read, ct);
        Permissions.Require(actor, roles);
        return scope;
    }

    private (Uri, IReadOnlyList<string>) Validate(WebhookRequest request)
    {
        var errors = new FieldErrors();
        var text = errors.Required("url", request.Url, UrlMax);
        Uri? url = null;
        if (text is not null && (!Uri.TryCreate(text, UriKind.Absolute, out url) || url.Scheme is not ("https" or "http")))
            errors.Add("url", "'url' must be an absolute https URL.");
        else if (url is not null && url.Scheme == "http" && !options.AllowLoopbackEndpoints)
            errors.Add("url", "'url' must use https.");
        else if (url is not null && PublicAddress.RefusesHost(url) && !(options.AllowLoopbackEndpoints && PublicAddress.IsLoopbackHost(url)))
            errors.Add("url", "'url' must not point at a private, loopback or other special-purpose address.");
        var events = request.Events ?? WebhookEvents.All;
        var unknown = events.Where(e => !WebhookEvents.All.Contains(e)).ToList();
        if (unknown.Count > 0) errors.Add("events", $"Unknown events: {string.Join(", ", unknown)}. Known: {string.Join(", ", WebhookEvents.All)}.");
        else if (events.Count == 0) errors.Add("events", "Subscribe to at least one event.");
        errors.ThrowIfAny();
        return (url!, events.Distinct().ToList());
    }
}
