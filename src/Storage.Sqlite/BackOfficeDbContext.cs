using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Storage.Sqlite.Rows;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Storage.Sqlite;

/// <summary>
/// One context per unit of work, bound to at most one tenant. Tenant-owned rows are filtered by that tenant
/// on every query and a write of another tenant's row throws, whatever the caller forgot.
/// </summary>
internal sealed class BackOfficeDbContext : DbContext
{
    /// <summary>One constructor, as EF's pool needs: <see cref="SqliteDatabase"/> sets the tenant each time it hands a context out.</summary>
    public BackOfficeDbContext(DbContextOptions<BackOfficeDbContext> options) : base(options) { }

    public string? TenantId { get; internal set; }

    /// <summary>On the writer's connection: its prepared statements, for <see cref="PlainSql"/>.</summary>
    internal PreparedCommands? Commands { get; set; }

    /// <summary>
    /// Inside a write: a context for another tenant on this write's own connection and transaction, for a write
    /// that learns its tenant only as it runs (a claim takes a queue entry, then saves that entry's item).
    /// </summary>
    internal Func<TenantScope, Task<BackOfficeDbContext>> InTenant { get; set; } = OnlyInWrites;

    internal static readonly Func<TenantScope, Task<BackOfficeDbContext>> OnlyInWrites =
        _ => throw new InvalidOperationException("Only a write can open a context for another tenant.");

    public DbSet<TenantRow> Tenants => Set<TenantRow>();
    public DbSet<TenantDirectoryRow> TenantDirectories => Set<TenantDirectoryRow>();
    public DbSet<WorkItemRow> WorkItems => Set<WorkItemRow>();
    public DbSet<ActivityRow> Activity => Set<ActivityRow>();
    public DbSet<OutboxRow> Outbox => Set<OutboxRow>();
    public DbSet<SlaSettingsRow> SlaSettings => Set<SlaSettingsRow>();
    public DbSet<SlaAlertRow> SlaAlerts => Set<SlaAlertRow>();
    public DbSet<WebhookSubscriptionRow> WebhookSubscriptions => Set<WebhookSubscriptionRow>();
    public DbSet<WebhookDeliveryRow> WebhookDeliveries => Set<WebhookDeliveryRow>();
    public DbSet<LedgerLineRow> LedgerLines => Set<LedgerLineRow>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<TenantRow>(e =>
        {
            e.ToTable("tenants").HasKey(r => r.Id);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        model.Entity<TenantDirectoryRow>(e =>
        {
            e.ToTable("tenant_directories").HasKey(r => r.DirectoryId);
            e.HasOne<TenantRow>().WithMany().HasForeignKey(r => r.TenantId);
        });
        model.Entity<WorkItemRow>(e =>
        {
            e.ToTable("work_items").HasKey(r => new { r.TenantId, r.Id });
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasQueryFilter(r => r.TenantId == TenantId);
        });
        model.Entity<ActivityRow>(e =>
        {
            e.ToTable("activity_entries").HasKey(r => new { r.TenantId, r.EventId });
            e.HasQueryFilter(r => r.TenantId == TenantId);
        });
        model.Entity<OutboxRow>(e => e.ToTable("outbox_messages").HasKey(r => r.Id));
        model.Entity<SlaSettingsRow>(e =>
        {
            e.ToTable("sla_settings").HasKey(r => new { r.TenantId, r.Version });
            e.HasQueryFilter(r => r.TenantId == TenantId);
        });
        model.Entity<SlaAlertRow>(e =>
        {
            e.ToTable("sla_alerts").HasKey(r => r.Id);
            e.HasQueryFilter(r => r.TenantId == TenantId);
        });
        model.Entity<WebhookSubscriptionRow>(e =>
        {
            e.ToTable("webhook_subscriptions").HasKey(r => r.TenantId);
            e.HasQueryFilter(r => r.TenantId == TenantId);
        });
        model.Entity<WebhookDeliveryRow>(e =>
        {
            e.ToTable("webhook_deliveries").HasKey(r => new { r.TenantId, r.Id });
            e.HasQueryFilter(r => r.TenantId == TenantId);
        });
        model.Entity<LedgerLineRow>(e =>
        {
            e.ToTable("ledger_lines").HasKey(r => new { r.TenantId, r.Kind, r.Id });
            e.HasQueryFilter(r => r.TenantId == TenantId);
        });
        foreach (var table in new[] { "employees", "customer_accounts", "vendor_accounts", "warehouses" })
            model.SharedTypeEntity<DocumentRow>(table, e =>
            {
                e.ToTable(table).HasKey(r => new { r.TenantId, r.Id });
                e.Property(r => r.Version).IsConcurrencyToken();
                e.HasQueryFilter(r => r.TenantId == TenantId);
            });
        foreach (var entity in model.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase(property.Name));
    }

    public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Entity.TenantId != TenantId)
                throw new TenantIsolationException($"A {entry.Metadata.ClrType.Name} of tenant '{entry.Entity.TenantId}' cannot be written in the scope of tenant '{TenantId}'.");
        var audit = ChangeTracker.Entries<OutboxRow>().Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity.Audit).OfType<Core.Audit.AuditRecord>().ToList();
        return audit.Count == 0 ? base.SaveChangesAsync(cancellationToken) : SaveAuditedAsync(audit, cancellationToken);
    }

    /// <summary>The events' audit entries go on their tenants' chains in the same transaction as the change and its outbox rows.</summary>
    private async Task<int> SaveAuditedAsync(List<Core.Audit.AuditRecord> audit, CancellationToken ct)
    {
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        var saved = await base.SaveChangesAsync(ct);
        await Stores.AuditChain.AppendAsync(this, audit, ct);
        if (own is not null) await own.CommitAsync(ct);
        return saved;
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
