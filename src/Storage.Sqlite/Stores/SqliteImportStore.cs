using System.Text.Json;
using System.Text.Json.Serialization;
using BackOffice.Core.Common;
using BackOffice.Core.Imports;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>Import jobs with their files; a completed import writes every record and the job in one transaction.</summary>
internal sealed class SqliteImportStore(SqliteDatabase db) : IImportStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    private sealed record Taken(string Data, string Csv);

    public Task AddAsync(TenantScope scope, ImportJob job, string csv, CancellationToken ct, Core.Audit.AuditRecord? audit = null)
    {
        scope.EnsureOwns(job.TenantId, "import");
        if (audit is not null) scope.EnsureOwns(audit.TenantId, "audit entry");
        return db.WriteAsync(scope, async context =>
        {
            await context.Database.ExecuteSqlAsync($"""
            INSERT INTO import_jobs (tenant_id, id, status, created_at, data, csv)
            VALUES ({job.TenantId}, {job.Id.ToString("D")}, {job.Status.ToText()}, {job.CreatedAt.ToTicks()}, {JsonSerializer.Serialize(job, Json)}, {csv})
            """, ct);
            if (audit is not null) await AuditChain.AppendAsync(context, [audit], ct);
        }, ct);
    }

    public async Task<ImportJob?> FindAsync(TenantScope scope, Guid id, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        var data = await context.Database.SqlQuery<string>($"SELECT data AS Value FROM import_jobs WHERE tenant_id = {scope.TenantId} AND id = {id.ToString("D")}").ToListAsync(ct);
        return data.Select(d => JsonSerializer.Deserialize<ImportJob>(d, Json)!).SingleOrDefault();
    }

    public Task<(ImportJob Job, string Csv)?> TakeNextAsync(DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct) =>
        db.WriteAsync<(ImportJob, string)?>(null, async context =>
        {
            var taken = await context.Database.SqlQuery<Taken>($"""
                UPDATE import_jobs SET status = 'validating', lease_until = {leaseUntil.ToTicks()}
                WHERE rowid = (SELECT rowid FROM import_jobs WHERE status = 'queued' OR (status = 'validating' AND lease_until < {now.ToTicks()})
                               ORDER BY created_at LIMIT 1)
                RETURNING data AS Data, csv AS Csv
                """).ToListAsync(ct);
            return taken.Count == 0 ? null : (JsonSerializer.Deserialize<ImportJob>(taken[0].Data, Json)! with { Status = ImportStatus.Validating }, taken[0].Csv);
        }, ct);

    public Task UpdateAsync(ImportJob job, CancellationToken ct) => db.WriteAsync(null, context => Save(context, job, ct), ct);

    public Task CompleteAsync(ImportJob job, ImportedRecords records, CancellationToken ct) =>
        db.WriteAsync(TenantScope.ForWorker(job.TenantId), async context =>
        {
            foreach (var e in records.Employees)
                context.Set<DocumentRow>("employees").Add(new DocumentRow
                {
                    TenantId = e.TenantId, Id = e.Id.ToString("D"), Name = e.FullName, Data = JsonSerializer.Serialize(e with { Version = 1 }, Json), Version = 1,
                });
            foreach (var item in records.WorkItems)
            {
                context.WorkItems.Add(item.ToRow());
                context.Outbox.AddRange(OutboxMapping.Rows(item));
            }
            await context.SaveChangesAsync(ct);
            foreach (var item in records.WorkItems)
            {
                await QueueIndex.SyncAsync(context, item, ct);
                await DeadlineIndex.SyncAsync(context, item, ct);
            }
            await Save(context, job, ct);
        }, ct);

    /// <summary>A finished job keeps its report but lets go of its file.</summary>
    private static Task Save(BackOfficeDbContext context, ImportJob job, CancellationToken ct)
    {
        var finished = job.Status is ImportStatus.Completed or ImportStatus.Failed;
        return context.Database.ExecuteSqlAsync($"""
            UPDATE import_jobs SET status = {job.Status.ToText()}, data = {JsonSerializer.Serialize(job, Json)},
                csv = CASE WHEN {finished} THEN NULL ELSE csv END, lease_until = CASE WHEN {finished} THEN NULL ELSE lease_until END
            WHERE tenant_id = {job.TenantId} AND id = {job.Id.ToString("D")}
            """, ct);
    }
}
