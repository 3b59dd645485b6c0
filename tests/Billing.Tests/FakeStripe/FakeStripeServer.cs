using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BackOffice.Billing.Tests.FakeStripe;

/// <summary>How the server fails one request: before doing anything (500, 429), or after the write while the client hears nothing.</summary>
public enum Fault { ServerError, TooManyRequests, SlowAfterWrite, DropAfterWrite }

public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Form,
    string? IdempotencyKey, bool Replayed);

/// <summary>
/// A Stripe-shaped HTTP server on 127.0.0.1 (Kestrel, in the test process) for Stripe.net: it records every request, wants an
/// Idempotency-Key on every POST and answers a repeated key with the first answer (a different request under a used key is a
/// 400, as at Stripe), and fails requests on demand. Failures before the write are not kept under their key, so the retry runs.
/// </summary>
public sealed class FakeStripeServer : IAsyncDisposable
{
    public const string ApiKey = "sk_test_fake";
    public static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(10);

    private readonly object _gate = new();
    private readonly FakeStripeApi _api = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Dictionary<string, (string Fingerprint, int Status, string Body)> _answers = [];
    private readonly List<(string Key, Fault Fault)> _faults = [];
    private WebApplication _app = default!;

    public string Url { get; private set; } = "";

    public static async Task<FakeStripeServer> StartAsync()
    {
        var server = new FakeStripeServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server._app = builder.Build();
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        server.Url = server._app.Urls.Single();
        return server;
    }

    /// <summary>The next request carrying <paramref name="idempotencyKey"/> fails this way (once).</summary>
    public void FailOnce(string idempotencyKey, Fault fault)
    {
        lock (_gate) _faults.Add((idempotencyKey, fault));
    }

    /// <summary>As Stripe does after 24 hours: a key seen before is new again.</summary>
    public void ForgetIdempotencyKeys()
    {
        lock (_gate) _answers.Clear();
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_gate) return _requests.ToList(); }
    }

    public IReadOnlyList<FakeInvoice> InvoicesOf(string customerId)
    {
        lock (_gate) return _api.InvoicesOf(customerId);
    }

    public IReadOnlyList<string> CustomersOf(string tenantId)
    {
        lock (_gate) return _api.CustomersOf(tenantId);
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var form = ctx.Request.HasFormContentType ? (await ctx.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString()) : [];
        var query = ctx.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        var key = ctx.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } k ? k : null;
        var post = HttpMethods.IsPost(ctx.Request.Method);
        var recorded = new RecordedRequest(ctx.Request.Method, ctx.Request.Path.Value ?? "", query, form, key, Replayed: false);
        Fault? fault;
        (int Status, string Body) answer;
        lock (_gate)
        {
            var faultAt = _faults.FindIndex(f => f.Key == key);
            fault = faultAt < 0 ? null : _faults[faultAt].Fault;
            if (faultAt >= 0) _faults.RemoveAt(faultAt);
            var fingerprint = $"{recorded.Method} {recorded.Path} {string.Join('&', form.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}"))}";
            if (ctx.Request.Headers.Authorization.ToString() != $"Bearer {ApiKey}") answer = Error(401, "authentication_error", "Invalid API key.");
            else if (fault is Fault.ServerError) answer = Error(500, "api_error", "Something went wrong on Stripe's end (injected).");
            else if (fault is Fault.TooManyRequests) answer = Error(429, "rate_limit_error", "Too many requests (injected).");
            else if (post && key is null) answer = Error(400, "invalid_request_error", "This server wants an Idempotency-Key on every POST.");
            else if (post && _answers.TryGetValue(key!, out var first))
            {
                recorded = recorded with { Replayed = true };
                answer = first.Fingerprint == fingerprint
                    ? (first.Status, first.Body)
                    : Error(400, "idempotency_error", "Keys for idempotent requests can only be used with the same parameters as the first time.");
            }
            else
            {
                answer = Handle(recorded, query, form);
                if (post && answer.Status == 200) _answers[key!] = (fingerprint, answer.Status, answer.Body);
            }
            _requests.Add(recorded);
        }
        if (fault is Fault.DropAfterWrite)
        {
            ctx.Abort();
            return;
        }
        if (fault is Fault.SlowAfterWrite)
        {
            try { await Task.Delay(SlowAnswer, ctx.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }
        ctx.Response.StatusCode = answer.Status;
        if (answer.Status == 429) ctx.Response.Headers.RetryAfter = "1";
        if (recorded.Replayed) ctx.Response.Headers["Idempotent-Replayed"] = "true";
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(answer.Body, ctx.RequestAborted);
    }

    /// <summary>A bug of this server is a 400 naming it (a 500 would be retried and hide it).</summary>
    private (int Status, string Body) Handle(RecordedRequest r, Dictionary<string, string> query, Dictionary<string, string> form)
    {
        try { return _api.Handle(r.Method, r.Path, query, form); }
        catch (Exception ex) { return Error(400, "fake_server_bug", ex.ToString()); }
    }

    internal static (int Status, string Body) Error(int status, string type, string message, string? param = null) =>
        (status, new JsonObject { ["error"] = new JsonObject { ["type"] = type, ["message"] = message, ["param"] = param } }.ToJsonString());

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
