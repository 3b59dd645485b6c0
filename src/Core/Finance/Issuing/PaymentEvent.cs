namespace BackOffice.Core.Finance.Issuing;

public enum PaymentEventKind { Finalized, Paid, PaymentFailed, Voided, MarkedUncollectible }

/// <summary>
/// A change of an issued invoice reported by the issuer (a Stripe webhook event), already verified. <see cref="EventId"/> is
/// the issuer's own id, stored once; <see cref="OccurredAt"/> orders events that arrive out of order.
/// </summary>
public sealed record PaymentEvent(string EventId, PaymentEventKind Kind, string InvoiceExternalId, DateTimeOffset OccurredAt, long? AmountPaidMinor = null,
    string? FailureMessage = null);

/// <summary>An incoming webhook was refused, nothing changed: its signature or age did not check out, or (field "body") it was signed but is not what it claims.</summary>
public sealed class ForgedWebhookException(string message, string field = "Stripe-Signature") : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>Reads an incoming issuer webhook: verifies its signature and age, and says what it reports (null for a kind the platform ignores).</summary>
public interface IPaymentEventReader
{
    /// <exception cref="ForgedWebhookException">The signature does not match, or the event is older than the tolerance.</exception>
    PaymentEvent? Read(string body, string? signatureHeader);
}
