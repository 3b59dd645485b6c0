using System.Net;
using BackOffice.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackOffice.ServiceDefaults.Security;

public static class ForwardedHeadersDefaults
{
    /// <summary>
    /// Behind a TLS-terminating proxy the request's scheme is the client's (https), so cookies are Secure, HSTS is sent
    /// and redirects stay on https. The host is not taken from the proxy: AllowedHosts decides which names are served.
    /// </summary>
    public static IHostApplicationBuilder AddForwardedHeadersDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ProxyOptions>(ProxyOptions.SectionName);
        var proxies = builder.Configuration.GetSection(ProxyOptions.SectionName).Get<ProxyOptions>() ?? new();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = proxies.ForwardLimit;
            foreach (var proxy in proxies.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in proxies.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return builder;
    }

    public static WebApplication UseForwardedHeadersDefaults(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
