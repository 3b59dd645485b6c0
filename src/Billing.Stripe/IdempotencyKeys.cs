namespace BackOffice.Billing.Stripe;

/// <summary>
/// The idempotency key of every call that writes to Stripe, derived from what the call does (never random), so a retry, or a
/// run resumed after a crash, repeats the same key and Stripe answers with what the first call did instead of doing it again.
/// The version tag changes only if what a key stands for changes. Stripe keeps keys for at least 24 hours; after that the
/// issuer finds its invoice and items by their metadata instead.
/// </summary>
public sealed record IdempotencyKeys(string TenantId, string Period)
{
    public const string Version = "v1";

    public static string Customer(string tenantId) => $"{Version}-customer-{tenantId}";

    public string Invoice => $"{Version}-invoice-{TenantId}-{Period}";

    public string Item(Guid lineId) => $"{Version}-item-{TenantId}-{Period}-{lineId:D}";

    public string Finalize => $"{Version}-finalize-{TenantId}-{Period}";

    public string Send => $"{Version}-send-{TenantId}-{Period}";
}
