using System.Net;
using System.Net.Sockets;
using System.Text;
using BackOffice.Core.Webhooks;

namespace BackOffice.Webhooks.Http;

/// <summary>
/// Posts deliveries over HTTP. Redirects are not followed, and unless private endpoints are allowed, a connection goes
/// only to a public address: the check runs on the address actually dialled, so a name that re-resolves to the
/// provider's own network between check and connect gets nowhere.
/// </summary>
public sealed class HttpWebhookSender : IWebhookSender, IDisposable
{
    private readonly HttpClient _http;
    private readonly WebhookOptions _options;

    public HttpWebhookSender(WebhookOptions options)
    {
        _options = options;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectCallback = ConnectAsync,
        }) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("BackOffice-Webhooks/1.0");
    }

    public async Task<WebhookSendResult> SendAsync(Uri url, IReadOnlyDictionary<string, string> headers, string body, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return new WebhookSendResult(code, code is >= 200 and < 300 ? null : $"The endpoint answered {code} {response.ReasonPhrase}.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new WebhookSendResult(null, $"No answer within {_options.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException ex)
        {
            return new WebhookSendResult(null, ex.InnerException?.Message ?? ex.Message);
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await System.Net.Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var allowed = addresses.Where(a => PublicAddress.Is(a) || _options.AllowLoopbackEndpoints && IPAddress.IsLoopback(a)).ToArray();
        if (allowed.Length == 0) throw new HttpRequestException($"'{context.DnsEndPoint.Host}' has no public address; private endpoints are not allowed.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();
}
