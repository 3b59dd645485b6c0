using BackOffice.Core.Notifications;

namespace BackOffice.Email.Smtp;

/// <summary>
/// The embedded default: each e-mail becomes an .eml file named after its Message-Id in a local folder (any mail client opens it).
/// Written whole under a temporary name and then renamed, so a reader never sees half a message and a repeat replaces the same file.
/// </summary>
public sealed class PickupFolderEmailSender(string folder, SmtpOptions options) : IEmailSender
{
    public string Folder => folder;

    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{email.Id:N}.eml");
        var temporary = path + ".tmp";
        await MimeMessages.For(email, options).WriteToAsync(temporary, ct);
        File.Move(temporary, path, overwrite: true);
    }
}
