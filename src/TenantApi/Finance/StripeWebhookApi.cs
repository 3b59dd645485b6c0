using BackOffice.Core.Common;
using BackOffice.Core.Finance.Issuing;
using BackOffice.Core.Finance.Payments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BackOffice.TenantApi.Finance;

public sealed record WebhookReceipt(string Outcome);

/// <summary>
/// Stripe's webhooks: anonymous (Stripe signs them instead), verified with Stripe.net's own check and a 300 s tolerance, each
/// event applied once. A forged, stale or malformed one is a 400 naming the signature header and changes nothing.
/// </summary>
public static class StripeWebhookApi
{
    public const string Route = "/webhooks/stripe";
    private const int MaxBody = 512 * 1024;

    public static WebApplication MapStripeWebhook(this WebApplication app)
    {
        app.MapPost(Route, Receive).AllowAnonymous().WithTags("Billing").WithSummary("Receive a Stripe webhook event").DisableAntiforgery();
        return app;
    }

    private static async Task<Results<Ok<WebhookReceipt>, ValidationProblem>> Receive(HttpRequest request, Payments payments, CancellationToken ct)
    {
        if (request.ContentLength > MaxBody) return Problem("body", $"A webhook body is at most {MaxBody / 1024} KiB.");
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        if (body.Length > MaxBody) return Problem("body", $"A webhook body is at most {MaxBody / 1024} KiB.");
        try
        {
            return TypedResults.Ok(new WebhookReceipt((await payments.ReceiveAsync(body, request.Headers["Stripe-Signature"].FirstOrDefault(), ct)).ToText()));
        }
        catch (ForgedWebhookException e) { return Problem(e.Field, e.Message); }
    }

    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The webhook was refused; nothing was changed.");
}
