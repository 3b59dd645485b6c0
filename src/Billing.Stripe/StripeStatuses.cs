using BackOffice.Core.Finance.Issuing;

namespace BackOffice.Billing.Stripe;

/// <summary>Stripe's invoice statuses as the platform names them.</summary>
public static class StripeStatuses
{
    public static IssuedStatus ToIssued(string status) => status switch
    {
        "draft" => IssuedStatus.Draft,
        "open" => IssuedStatus.Open,
        "paid" => IssuedStatus.Paid,
        "void" => IssuedStatus.Void,
        "uncollectible" => IssuedStatus.Uncollectible,
        _ => throw new InvalidOperationException($"Stripe answered an invoice status the platform does not know: '{status}'."),
    };
}
