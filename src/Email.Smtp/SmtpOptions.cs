using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace BackOffice.Email.Smtp;

/// <summary>How the connection to the SMTP server is secured: MailKit's choice by port, none, STARTTLS, or TLS from the first byte.</summary>
public enum SmtpSecurity { Auto, None, StartTls, SslOnConnect }

/// <summary>Configuration section "Email:Smtp": the server e-mails go to. No <see cref="Host"/> writes them to the pickup folder instead.</summary>
public sealed record SmtpOptions : IValidatableObject
{
    public const string SectionName = "Email:Smtp";

    public string? Host { get; init; }

    [Range(1, 65535)]
    public int Port { get; init; } = 587;

    public SmtpSecurity Security { get; init; } = SmtpSecurity.Auto;

    /// <summary>Sign in with these when set; servers that relay without sign-in need neither.</summary>
    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>The sender, as "Name &lt;address&gt;" or an address.</summary>
    [Required]
    public string From { get; init; } = "BackOffice <no-reply@backoffice.local>";

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool UsesServer => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MailboxAddress.TryParse(From, out _)) yield return new ValidationResult($"'{From}' is not an e-mail address.", [nameof(From)]);
        if (string.IsNullOrEmpty(User) != string.IsNullOrEmpty(Password))
            yield return new ValidationResult("Set both the user and the password, or neither.", [nameof(User), nameof(Password)]);
    }
}
