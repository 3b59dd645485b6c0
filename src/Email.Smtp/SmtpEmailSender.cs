using BackOffice.Core.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace BackOffice.Email.Smtp;

/// <summary>Sends each e-mail to the configured SMTP server with MailKit; returns once the server accepted it.</summary>
public sealed class SmtpEmailSender(SmtpOptions options) : IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        await client.ConnectAsync(options.Host!, options.Port, Security(options.Security), timeout.Token);
        if (!string.IsNullOrEmpty(options.User)) await client.AuthenticateAsync(options.User, options.Password ?? "", timeout.Token);
        await client.SendAsync(MimeMessages.For(email, options), timeout.Token);
        await client.DisconnectAsync(quit: true, timeout.Token);
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
