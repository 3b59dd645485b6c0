using BackOffice.Core.Audit;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BackOffice.TenantApi.Audit;

/// <summary>
/// Every CSV export of a tenant's data, once its use case allowed it and it is built, is reported to the core, which puts
/// provider staff's exports on the tenant's audit trail. One filter for every export, present and future.
/// </summary>
internal sealed class AuditedExports(RecordAccess record) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is FileContentHttpResult { ContentType: "text/csv" } file && context.HttpContext.GetRouteValue("tenantId") is string tenantId)
        {
            var actor = await CurrentActor.BindAsync(context.HttpContext);
            var rows = Math.Max(0, file.FileContents.Span.Count((byte)'\n') - 1);
            var name = file.FileDownloadName ?? context.HttpContext.Request.Path;
            await record.ExportAsync(actor!, tenantId, name, rows, context.HttpContext.RequestAborted);
        }
        return result;
    }
}
