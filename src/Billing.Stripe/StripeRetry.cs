using System.Net;
using System.Net.Http.Headers;
using global::Stripe;

namespace BackOffice.Billing.Stripe;

/// <summary>
/// Runs one Stripe call and retries it after a transient failure (a 5xx unless Stripe says not to, a 429 after its
/// Retry-After, a 409 while the same key is still in flight, a time-out, a dropped connection), always with the same
/// <see cref="RequestOptions"/> and so the same idempotency key. Stripe.net's own retries are off, so this loop is the only one.
/// </summary>
public sealed class StripeRetry(StripeOptions options, TimeProvider time)
{
    public async Task<T> RunAsync<T>(string? idempotencyKey, Func<RequestOptions, CancellationToken, Task<T>> call, CancellationToken ct)
    {
        var request = new RequestOptions { IdempotencyKey = idempotencyKey };
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            try
            {
                return await call(request, ct);
            }
            catch (Exception ex) when (attempt <= options.MaxNetworkRetries && IsTransient(ex, ct, out retryAfter))
            {
                await Task.Delay(Wait(attempt, retryAfter), time, ct);
            }
        }
    }

    private TimeSpan Wait(int attempt, TimeSpan? retryAfter)
    {
        var backoff = options.FirstRetryDelay * Math.Pow(2, attempt - 1);
        var wait = retryAfter is { } asked && asked > backoff ? asked : backoff;
        return wait > options.MaxRetryDelay ? options.MaxRetryDelay : wait;
    }

    private bool IsTransient(Exception ex, CancellationToken ct, out TimeSpan? retryAfter)
    {
        retryAfter = null;
        switch (ex)
        {
            case StripeException { HttpStatusCode: var status } se when status != 0:
                var headers = se.StripeResponse?.Headers;
                if (headers?.TryGetValues("Stripe-Should-Retry", out var should) == true)
                    return string.Equals(should.FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
                if (status == HttpStatusCode.TooManyRequests) retryAfter = RetryAfter(headers?.RetryAfter);
                return status is HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict || (int)status >= 500;
            case HttpRequestException:
                return true;
            case OperationCanceledException:
                return !ct.IsCancellationRequested; // HttpClient's time-out, not the caller's cancellation
            default:
                return false;
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };
}
