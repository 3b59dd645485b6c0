using BackOffice.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackOffice.Email.Smtp;

public static class EmailSmtpExtensions
{
    /// <summary>
    /// The e-mail sender: SMTP when "Email:Smtp:Host" is set, else .eml files in "Email:PickupFolder" (relative to the content
    /// root), or in <paramref name="defaultPickupFolder"/> when that is empty too. The SMTP settings are validated at start.
    /// </summary>
    public static IServiceCollection AddEmailSender(this IServiceCollection services, Func<IServiceProvider, string> defaultPickupFolder)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services.AddSingleton<IEmailSender>(sp =>
        {
            var smtp = sp.GetRequiredService<IOptions<SmtpOptions>>().Value;
            if (smtp.UsesServer) return new SmtpEmailSender(smtp);
            var configured = sp.GetRequiredService<EmailOptions>().PickupFolder;
            var folder = string.IsNullOrWhiteSpace(configured)
                ? defaultPickupFolder(sp)
                : Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, configured);
            return new PickupFolderEmailSender(folder, smtp);
        });
    }
}
