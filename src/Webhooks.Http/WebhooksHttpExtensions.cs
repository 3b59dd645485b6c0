using BackOffice.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Webhooks.Http;

public static class WebhooksHttpExtensions
{
    public static IServiceCollection AddHttpWebhookSender(this IServiceCollection services) =>
        services.AddSingleton<IWebhookSender, HttpWebhookSender>();
}
