using BackOffice.Core.Attachments;
using BackOffice.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;

namespace BackOffice.Portal.WorkItems;

/// <summary>
/// Attachments download through the Portal under its sign-in cookie (the API takes bearer tokens), through the same use
/// case as the API, so the same people may read them.
/// </summary>
public static class AttachmentEndpoints
{
    public static string Path(string tenantId, Guid itemId, Guid attachmentId) => $"/files/tenants/{tenantId}/work-items/{itemId}/attachments/{attachmentId}";

    public static WebApplication MapAttachmentDownloads(this WebApplication app)
    {
        app.MapGet("/files/tenants/{tenantId}/work-items/{itemId:guid}/attachments/{attachmentId:guid}", DownloadAsync).RequireAuthorization();
        return app;
    }

    /// <summary>Always as a download, never sniffed: a file a client uploaded must not run in a browser as a page.</summary>
    private static async Task<IResult> DownloadAsync(string tenantId, Guid itemId, Guid attachmentId, HttpContext http, ManageAttachments useCase,
        IOptions<PlatformAuthOptions> options, CancellationToken ct)
    {
        var (attachment, content) = await useCase.OpenAsync(http.User.ToActor(options.Value), tenantId, itemId, attachmentId, ct);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(content, attachment.ContentType, attachment.FileName);
    }
}
