using System.Text.Json;
using System.Text.Json.Serialization;
using BackOffice.Core.Common;
using BackOffice.Core.Imports;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite.Stores;

/// <summary>
/// Import jobs with their files in parts. Each write is small (a part, a progress mark, a batch of records), so other
/// tenants' writes get in between; a batch of records commits with the job's count of rows stored.
/// </summary>
internal sealed class SqliteImportStore(SqliteDatabase db) : IImportStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    private sealed record Listed(string Data, string Status);

    private sealed record Taken(string Data, string Status, int Attempts, int Published);

    public Task AddAsync(TenantScope scope, ImportJob job, DateTimeOffset uploadDeadline, CancellationToken ct)
    {
        scope.EnsureOwns(job.TenantId, "import");
        return db.WriteAsync(scope, context => context.Database.ExecuteSqlAsync($"""
            INSERT INTO import_jobs (tenant_id, id, status, lease_until, created_at, data)
            VALUES ({job.TenantId}, {job.Id.ToString("D")}, {job.Status.ToText()}, {uploadDeadline.ToTicks()}, {job.CreatedAt.ToTicks()},
                    {Serialize(job)})
            """, ct), ct);
    }

    public Task AppendAsync(TenantScope scope, Guid id, int part, ReadOnlyMemory<byte> bytes, CancellationToken ct) =>
        db.WriteAsync(scope, context => context.Database.ExecuteSqlAsync($"""
            INSERT INTO import_file_parts (tenant_id, import_id, part, bytes) VALUES ({scope.TenantId}, {id.ToString("D")}, {part}, {bytes.ToArray()})
            """, ct), ct);

    public Task QueueAsync(TenantScope scope, ImportJob job, CancellationToken ct, Core.Audit.AuditRecord? audit = null)
    {
        scope.EnsureOwns(job.TenantId, "import");
        if (audit is not null) scope.EnsureOwns(audit.TenantId, "audit entry");
        return db.WriteAsync(scope, async context =>
        {
            var queued = await context.Database.ExecuteSqlAsync($"""
                UPDATE import_jobs SET status = {job.Status.ToText()}, lease_until = NULL, data = {Serialize(job)}
                WHERE tenant_id = {job.TenantId} AND id = {job.Id.ToString("D")} AND status = 'receiving'
                """, ct);
            if (queued == 0) throw new InvalidOperationException($"Import {job.Id} was dropped before its upload finished.");
            if (audit is not null) await AuditChain.AppendAsync(context, [audit], ct);
        }, ct);
    }

    public Task RemoveAsync(TenantScope scope, Guid id, CancellationToken ct) =>
        db.WriteAsync(scope, async context =>
        {
            await ForgetFileAsync(context, scope.TenantId, id, ct);
            await context.Database.ExecuteSqlAsync($"DELETE FROM import_jobs WHERE tenant_id = {scope.TenantId} AND id = {id.ToString("D")}", ct);
        }, ct);

    public async Task<int> RemoveAbandonedAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using (var reader = db.Context())
        {
            // Most passes find none: look before taking a turn at the writer.
            var any = await reader.Database.SqlQuery<int>($"""
                SELECT 1 AS Value FROM import_jobs WHERE status = 'receiving' AND lease_until < {now.ToTicks()} LIMIT 1
                """).ToListAsync(ct);
            if (any.Count == 0) return 0;
        }
        return await db.WriteAsync(null, async context =>
        {
            await context.Database.ExecuteSqlAsync($"""
                DELETE FROM import_file_parts WHERE (tenant_id, import_id) IN
                    (SELECT tenant_id, id FROM import_jobs WHERE status = 'receiving' AND lease_until < {now.ToTicks()})
                """, ct);
            return await context.Database.ExecuteSqlAsync($"DELETE FROM import_jobs WHERE status = 'receiving' AND lease_until < {now.ToTicks()}",
                ct);
        }, ct);
    }

    public async Task<ImportJob?> FindAsync(TenantScope scope, Guid id, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        var data = await context.Database.SqlQuery<string>($"SELECT data AS Value FROM import_jobs WHERE tenant_id = {scope.TenantId} AND id = {id.ToString("D")}").ToListAsync(ct);
        return data.Select(d => JsonSerializer.Deserialize<ImportJob>(d, Json)!).SingleOrDefault();
    }

    public async Task<IReadOnlyList<ImportJob>> ListAsync(TenantScope scope, int limit, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        // The status column moves on when a worker takes the job, before its data is next written.
        var rows = await context.Database.SqlQuery<Listed>($"""
            SELECT data AS Data, status AS Status FROM import_jobs WHERE tenant_id = {scope.TenantId} AND status <> 'receiving'
            ORDER BY created_at DESC, id DESC LIMIT {limit}
            """).ToListAsync(ct);
        return [.. rows.Select(r => JsonSerializer.Deserialize<ImportJob>(r.Data, Json)! with { Status = EnumText.Parse<ImportStatus>(r.Status) })];
    }

    public async Task<Stream?> OpenFileAsync(TenantScope scope, Guid id, CancellationToken ct)
    {
        await using var context = db.Context(scope);
        var first = await context.Database.SqlQuery<int>($"""
            SELECT 1 AS Value FROM import_file_parts WHERE tenant_id = {scope.TenantId} AND import_id = {id.ToString("D")} AND part = 0
            """).ToListAsync(ct);
        return first.Count == 0 ? null : ImportFileStream.Open(db, scope, id);
    }

    public Task<ImportJob?> TakeNextAsync(DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct) =>
        db.WriteAsync<ImportJob?>(null, async context =>
        {
            var taken = await context.Database.SqlQuery<Taken>($"""
                UPDATE import_jobs SET status = CASE status WHEN 'importing' THEN 'importing' ELSE 'validating' END,
                    lease_until = {leaseUntil.ToTicks()}, attempts = attempts + 1
                WHERE rowid = (SELECT rowid FROM import_jobs
                               WHERE status IN ('queued', 'validating', 'importing') AND (lease_until IS NULL OR lease_until < {now.ToTicks()})
                               ORDER BY created_at LIMIT 1)
                RETURNING data AS Data, status AS Status, attempts AS Attempts, published_rows AS Published
                """).ToListAsync(ct);
            if (taken.Count == 0) return null;
            var job = JsonSerializer.Deserialize<ImportJob>(taken[0].Data, Json)!;
            return job with { Status = EnumText.Parse<ImportStatus>(taken[0].Status), Attempts = taken[0].Attempts, Published = taken[0].Published };
        }, ct);

    public Task UpdateAsync(ImportJob job, CancellationToken ct, DateTimeOffset? leaseUntil = null) =>
        db.WriteAsync(TenantScope.ForWorker(job.TenantId), context => SaveAsync(context, job, leaseUntil, ct), ct);

    public Task RetryLaterAsync(ImportJob job, string reason, DateTimeOffset retryAt, CancellationToken ct) =>
        db.WriteAsync(TenantScope.ForWorker(job.TenantId), async context => LeaseHeld(job, await context.Database.ExecuteSqlAsync($"""
            UPDATE import_jobs SET status = CASE status WHEN 'importing' THEN 'importing' ELSE 'queued' END, lease_until = {retryAt.ToTicks()},
                data = json_set(data, '$.status', CASE status WHEN 'importing' THEN 'importing' ELSE 'queued' END, '$.reason', {reason})
            WHERE tenant_id = {job.TenantId} AND id = {job.Id.ToString("D")} AND attempts = {job.Attempts}
            """, ct)), ct);

    public Task PublishAsync(ImportJob job, int publishedBefore, ImportedRecords records, DateTimeOffset leaseUntil, CancellationToken ct) =>
        db.WriteAsync(TenantScope.ForWorker(job.TenantId), async context =>
        {
            var claimed = await context.Database.ExecuteSqlAsync($"""
                UPDATE import_jobs SET published_rows = {job.Published}, lease_until = {leaseUntil.ToTicks()}
                WHERE tenant_id = {job.TenantId} AND id = {job.Id.ToString("D")} AND published_rows = {publishedBefore} AND attempts = {job.Attempts}
                """, ct);
            LeaseHeld(job, claimed);
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
            await SaveAsync(context, job, null, ct);
        }, ct);

    /// <summary>A finished job keeps its report but lets go of its file.</summary>
    private static async Task SaveAsync(BackOfficeDbContext context, ImportJob job, DateTimeOffset? leaseUntil, CancellationToken ct)
    {
        LeaseHeld(job, await context.Database.ExecuteSqlAsync($"""
            UPDATE import_jobs SET status = {job.Status.ToText()}, data = {Serialize(job)},
                lease_until = CASE WHEN {job.IsFinished} THEN NULL ELSE coalesce({leaseUntil.ToTicks()}, lease_until) END
            WHERE tenant_id = {job.TenantId} AND id = {job.Id.ToString("D")} AND attempts = {job.Attempts}
            """, ct));
        if (job.IsFinished) await ForgetFileAsync(context, job.TenantId, job.Id, ct);
    }

    /// <summary>A write of the taking worker changes no row once a later take counted another attempt.</summary>
    private static int LeaseHeld(ImportJob job, int rows) => rows == 0 ? throw new ImportLeaseLostException(job.Id) : rows;

    private static Task<int> ForgetFileAsync(BackOfficeDbContext context, string tenantId, Guid id, CancellationToken ct) =>
        context.Database.ExecuteSqlAsync($"DELETE FROM import_file_parts WHERE tenant_id = {tenantId} AND import_id = {id.ToString("D")}", ct);

    private static string Serialize(ImportJob job) => JsonSerializer.Serialize(job, Json);
}
