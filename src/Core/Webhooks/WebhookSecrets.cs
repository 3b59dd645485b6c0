using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Webhooks;

/// <summary>
/// Signing secrets are stored protected. Rows written before that hold the plaintext "whsec_..." form; they are still read,
/// and protected in place the first time their subscription is read.
/// </summary>
public sealed class WebhookSecrets(ISecretProtector protector, IWebhookStore webhooks)
{
    public string Protect(string plaintext) => protector.Protect(plaintext);

    public string Reveal(string stored) => IsPlaintext(stored) ? stored : protector.Unprotect(stored);

    /// <summary>The subscription as the store has it, with any secret still stored in plaintext protected now.</summary>
    public async Task<WebhookSubscription?> FindAsync(TenantScope scope, CancellationToken ct)
    {
        var subscription = await webhooks.FindAsync(scope, ct);
        if (subscription is null || !(IsPlaintext(subscription.Secret) || subscription.PreviousSecret is { } p && IsPlaintext(p)))
            return subscription;
        var protectedNow = subscription with
        {
            Secret = Protected(subscription.Secret), PreviousSecret = subscription.PreviousSecret is { } previous ? Protected(previous) : null,
        };
        try { return await webhooks.SaveAsync(scope, protectedNow, ct); }
        catch (ConcurrencyConflictException) { return await webhooks.FindAsync(scope, ct); } // changed meanwhile: that writer protected it

    }

    private string Protected(string stored) => IsPlaintext(stored) ? protector.Protect(stored) : stored;

    private static bool IsPlaintext(string stored) => stored.StartsWith(WebhookSignature.Prefix, StringComparison.Ordinal);
}
