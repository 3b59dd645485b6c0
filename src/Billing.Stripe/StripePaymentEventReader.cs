using BackOffice.Core.Finance.Issuing;
using global::Stripe;

namespace BackOffice.Billing.Stripe;

/// <summary>
/// Reads Stripe's webhook events with Stripe.net's own check (<see cref="EventUtility.ConstructEvent(string, string, string, long, long, bool)"/>):
/// the HMAC-SHA256 of "{t}.{body}" with the endpoint's secret, and t within 300 s of now either way. Events of any API version
/// are read (only the invoice's id, amounts and times are used, which every version carries).
/// </summary>
public sealed class StripePaymentEventReader(StripeOptions options, TimeProvider time) : IPaymentEventReader
{
    public const long ToleranceSeconds = 300;

    public PaymentEvent? Read(string body, string? signatureHeader)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader)) throw new ForgedWebhookException("The webhook has no Stripe-Signature header.");
        Event e;
        try
        {
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            var secret = options.WebhookSecret ?? "";
            e = EventUtility.ConstructEvent(body, signatureHeader, secret, ToleranceSeconds, now, throwOnApiVersionMismatch: false);
        }
        catch (Exception ex) when (ex is StripeException or FormatException or OverflowException)
        {
            throw new ForgedWebhookException($"The webhook's Stripe signature does not check out: {ex.Message}");
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or Newtonsoft.Json.JsonException or ArgumentException)
        {
            throw new ForgedWebhookException($"The webhook is not a Stripe event: {ex.Message}", "body");
        }
        PaymentEventKind? kind = e.Type switch
        {
            "invoice.finalized" => PaymentEventKind.Finalized,
            "invoice.paid" => PaymentEventKind.Paid,
            "invoice.payment_failed" => PaymentEventKind.PaymentFailed,
            "invoice.voided" => PaymentEventKind.Voided,
            "invoice.marked_uncollectible" => PaymentEventKind.MarkedUncollectible,
            _ => null,
        };
        if (kind is not { } k) return null;
        if (e.Data?.Object is not Invoice invoice) throw new ForgedWebhookException($"Stripe event {e.Id} ({e.Type}) carries no invoice.", "body");
        return new PaymentEvent(e.Id, k, invoice.Id, new DateTimeOffset(DateTime.SpecifyKind(e.Created, DateTimeKind.Utc)),
            k == PaymentEventKind.Paid ? invoice.AmountPaid : null, k == PaymentEventKind.PaymentFailed ? FailureMessage(invoice) : null);
    }

    /// <summary>Stripe's own message when it gives one, else which attempt failed.</summary>
    private static string FailureMessage(Invoice invoice) =>
        invoice.LastFinalizationError?.Message is { Length: > 0 } message
            ? message
            : $"Stripe could not collect the payment (attempt {invoice.AttemptCount}).";
}
