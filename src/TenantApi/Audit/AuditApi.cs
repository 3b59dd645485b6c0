using BackOffice.Core.Audit;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BackOffice.TenantApi.Audit;

/// <param name="FirstBadSequence">The first entry that breaks the chain (changed, missing or out of place); null when it holds.</param>
/// <param name="LastHash">The hash of the last good entry: an export checked by the AuditVerify command should end with it.</param>
public sealed record AuditCheckResponse(bool Ok, long Entries, long? FirstBadSequence, string? Reason, string? LastHash)
{
    public static AuditCheckResponse From(AuditCheck c) => new(c.Ok, c.Entries, c.FirstBadSequence, c.Reason, c.LastHash);
}

/// <summary>A tenant's tamper-evident audit trail: pages of entries, the whole chain as JSON lines, and its check.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/tenants/{tenantId}").WithTags("Audit");
        audit.MapGet("/audit", List);
        audit.MapGet("/audit.jsonl", Export);
        audit.MapGet("/audit/verify", Verify);
        return api;
    }

    /// <summary>Entries in sequence order, oldest first.</summary>
    private static async Task<Ok<PageResponse<AuditEntry>>> List(string tenantId, int? pageSize, string? cursor, CurrentActor actor,
        ReadAudit useCase, CancellationToken ct) =>
        TypedResults.Ok(PageResponse<AuditEntry>.From(await useCase.ListAsync(actor, tenantId, pageSize, cursor, ct), e => e));

    /// <summary>The whole chain, one entry per line, to check offline with the AuditVerify command.</summary>
    private static async Task<PushStreamHttpResult> Export(string tenantId, CurrentActor actor, ReadAudit useCase, CancellationToken ct)
    {
        var entries = await useCase.ExportAsync(actor, tenantId, ct);
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, leaveOpen: true);
            await foreach (var entry in entries.WithCancellation(ct)) await writer.WriteLineAsync(AuditJsonLines.Line(entry));
        }, "application/jsonl", $"audit-{tenantId}.jsonl");
    }

    /// <summary>Checks the stored chain: ok, or the first bad entry's sequence number and why.</summary>
    private static async Task<Ok<AuditCheckResponse>> Verify(string tenantId, CurrentActor actor, ReadAudit useCase, CancellationToken ct) =>
        TypedResults.Ok(AuditCheckResponse.From(await useCase.VerifyAsync(actor, tenantId, ct)));
}
