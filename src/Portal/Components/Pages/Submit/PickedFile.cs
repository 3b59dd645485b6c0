using BackOffice.Core.Attachments;
using BackOffice.Core.Common;
using BackOffice.Portal.Session;
using Microsoft.AspNetCore.Components.Forms;

namespace BackOffice.Portal.Components.Pages.Submit;

/// <summary>A file chosen to attach: refused at once when its name, type or size break the core's rules, else sent on submit.</summary>
public sealed class PickedFile(IBrowserFile file, string? refusal)
{
    public IBrowserFile File => file;

    /// <summary>Why it will not be attached: found before upload, or given by the upload itself.</summary>
    public string? Refusal { get; set; } = refusal;

    public bool Attached { get; set; }

    /// <summary>Whether it was sent: a file refused before upload was never tried.</summary>
    public bool TriedUpload { get; set; }

    public static PickedFile Check(IBrowserFile file, AttachmentOptions options)
    {
        var errors = new FieldErrors();
        AttachmentRules.Check(options, errors, file.Name, string.IsNullOrEmpty(file.ContentType) ? null : file.ContentType, file.Size);
        try
        {
            errors.ThrowIfAny();
            return new PickedFile(file, null);
        }
        catch (ValidationException ex)
        {
            return new PickedFile(file, ex.ForPerson());
        }
    }

    public string Size => file.Size switch
    {
        < 1024 => $"{file.Size} B",
        < 1024 * 1024 => $"{file.Size / 1024.0:0.#} KB",
        _ => $"{file.Size / 1024.0 / 1024.0:0.#} MB",
    };
}
