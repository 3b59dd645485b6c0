namespace BackOffice.Core.Finance.Issuing;

/// <summary>The payment event reader of the local issuer: it issues invoices itself and takes no webhooks, so every one is refused.</summary>
public sealed class NoPaymentWebhooks : IPaymentEventReader
{
    public PaymentEvent? Read(string body, string? signatureHeader) =>
        throw new ForgedWebhookException("This platform issues its invoices itself (no Stripe key is set), so it takes no payment webhooks.");
}
