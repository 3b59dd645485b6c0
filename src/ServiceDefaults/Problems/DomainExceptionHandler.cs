using System.Text.Json;
using BackOffice.Core.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace BackOffice.ServiceDefaults.Problems;

/// <summary>The one place where errors become RFC 9457 problem details.</summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problems, ILogger<DomainExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            ValidationException e => new HttpValidationProblemDetails(e.Errors.ToDictionary(x => x.Key, x => x.Value)) { Status = 400, Title = e.Message },
            ContentTooLargeException e => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [e.Field] = [e.Message] })
            {
                Status = 413, Title = Title(413),
            },
            BadHttpRequestException { InnerException: JsonException json } => MalformedJson(json),
            BadHttpRequestException { StatusCode: 400 } e when BindingFailures.Parameter(e.Message) is { } field => Unreadable(field, e.Message),
            BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = Title(e.StatusCode), Detail = e.Message },
            NotFoundException e => new ProblemDetails { Status = 404, Title = "Not found", Detail = e.Message },
            ForbiddenException e => new ProblemDetails { Status = 403, Title = "Forbidden", Detail = e.Message },
            ConflictException e => new ProblemDetails { Status = 409, Title = "Conflict", Detail = e.Message },
            ConcurrencyConflictException e => new ProblemDetails { Status = 412, Title = "Precondition failed", Detail = e.Message },
            PreconditionRequiredException e => new ProblemDetails { Status = 428, Title = "Precondition required", Detail = e.Message },
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = new ProblemDetails { Status = 500, Title = "An unexpected error occurred." };
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails MalformedJson(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = ["The request body is not valid JSON for this field."] })
        {
            Status = 400, Title = "The request body could not be read.",
        };
    }

    private static HttpValidationProblemDetails Unreadable(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [$"'{field}' could not be read: {message}"] }) { Status = 400, Title = "A request value could not be read." };

    private static string Title(int status) => status switch
    {
        415 => "Unsupported media type",
        413 => "Request body too large",
        _ => "Bad request",
    };
}
