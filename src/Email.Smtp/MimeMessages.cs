using BackOffice.Core.Notifications;
using MimeKit;

namespace BackOffice.Email.Smtp;

/// <summary>
/// The message for an outgoing e-mail, the same on every attempt: its Message-Id and date come from the stored e-mail, so a
/// repeat after a crash is byte for byte the message the server already has.
/// </summary>
public static class MimeMessages
{
    public static MimeMessage For(OutgoingEmail email, SmtpOptions options)
    {
        var message = new MimeMessage { Subject = email.Subject, MessageId = email.MessageId, Date = email.CreatedAt };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(new MailboxAddress(email.ToName, email.To));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new TextPart("plain") { Text = email.TextBody };
        return message;
    }
}
