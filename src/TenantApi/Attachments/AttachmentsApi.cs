using BackOffice.Core.Attachments;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BackOffice.TenantApi.Attachments;

/// <summary>Files on work items: the body is the file, its Content-Type the file's type, and <c>fileName</c> its name.</summary>
public static class AttachmentsApi
{
    public static RouteGroupBuilder MapAttachmentsApi(this RouteGroupBuilder api)
    {
        var files = api.MapGroup("/tenants/{tenantId}/work-items/{itemId:guid}/attachments").WithTags("Attachments");
        files.MapPost("/", Add).WithSummary("Attach a file to a work item");
        files.MapGet("/{attachmentId:guid}", Download).WithSummary("Download an attachment");
        return api;
    }

    private static async Task<Created<Attachment>> Add(string tenantId, Guid itemId, string? fileName, HttpRequest request, CurrentActor actor, ManageAttachments useCase,
        HttpContext http, CancellationToken ct)
    {
        var (item, attachment) = await useCase.AddAsync(actor, tenantId, itemId, fileName, request.ContentType, request.Body, ct);
        ETags.Set(http, item.Version);
        return TypedResults.Created($"/api/tenants/{tenantId}/work-items/{itemId}/attachments/{attachment.Id}", attachment);
    }

    /// <summary>Always as a download, never sniffed: a file a client uploaded must not run in a browser as a page.</summary>
    private static async Task<FileStreamHttpResult> Download(string tenantId, Guid itemId, Guid attachmentId, CurrentActor actor, ManageAttachments useCase,
        HttpContext http, CancellationToken ct)
    {
        var (attachment, content) = await useCase.OpenAsync(actor, tenantId, itemId, attachmentId, ct);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(content, attachment.ContentType, attachment.FileName);
    }
}
