using System.ComponentModel.DataAnnotations;

namespace BackOffice.Billing.Stripe;

/// <summary>
/// Configuration section "Stripe". With <see cref="ApiKey"/> set, tenants' invoices are issued through Stripe and Stripe's
/// webhooks are read with <see cref="WebhookSecret"/>; without it the platform's own local issuer is used.
/// </summary>
public sealed record StripeOptions : IValidatableObject
{
    public const string SectionName = "Stripe";

    /// <summary>A secret (sk_) or restricted (rk_) key.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The webhook endpoint's signing secret (whsec_).</summary>
    public string? WebhookSecret { get; init; }

    /// <summary>Where the API is; empty for Stripe's own. Tests point it at a Stripe-shaped server on 127.0.0.1.</summary>
    public string? ApiBase { get; init; }

    /// <summary>Retries of one call after a transient failure (5xx, 429, time-out, dropped connection), each with the same idempotency key.</summary>
    [Range(0, 10)]
    public int MaxNetworkRetries { get; init; } = 3;

    /// <summary>The first retry's wait; each further retry waits twice as long, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between retries, a 429's Retry-After included.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request may take before it counts as failed (and is retried with its key).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool UsesStripe => !string.IsNullOrWhiteSpace(ApiKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ApiKey is null || !(ApiKey.StartsWith("sk_", StringComparison.Ordinal) || ApiKey.StartsWith("rk_", StringComparison.Ordinal)))
            yield return new ValidationResult("Stripe:ApiKey must be a secret (sk_...) or restricted (rk_...) key.", [nameof(ApiKey)]);
        if (WebhookSecret is null || !WebhookSecret.StartsWith("whsec_", StringComparison.Ordinal))
            yield return new ValidationResult("Stripe:WebhookSecret must be the endpoint's signing secret (whsec_...).", [nameof(WebhookSecret)]);
        if (!string.IsNullOrEmpty(ApiBase) && !(Uri.TryCreate(ApiBase, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            yield return new ValidationResult($"Stripe:ApiBase '{ApiBase}' is not an http(s) address.", [nameof(ApiBase)]);
    }
}
