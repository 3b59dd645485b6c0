using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// Billing runs, tenants' invoices, the issuer's payment events seen, and each tenant's dunning. A period has at most one run
/// that is not issued (a partial unique index, so two concurrent starts cannot both succeed); a run has one invoice per tenant.
/// An invoice keeps its lines and usage as JSON and its total in minor units, so a run's tally is an exact integer sum in SQL.
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000220_BillingRuns")]
internal sealed class M0220_BillingRuns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE billing_runs (
                id TEXT NOT NULL PRIMARY KEY, period TEXT NOT NULL, status TEXT NOT NULL, started_by TEXT NOT NULL, started_at INTEGER NOT NULL,
                approved_by TEXT, approved_at INTEGER, completed_at INTEGER, version INTEGER NOT NULL)
            """);
        migrationBuilder.Sql("CREATE UNIQUE INDEX ux_billing_runs_open ON billing_runs (period) WHERE status <> 'issued'");
        migrationBuilder.Sql("CREATE INDEX ix_billing_runs_started ON billing_runs (started_at, id)");
        migrationBuilder.Sql("""
            CREATE TABLE tenant_invoices (
                id TEXT NOT NULL PRIMARY KEY, run_id TEXT NOT NULL, tenant_id TEXT NOT NULL, tenant_name TEXT NOT NULL, period TEXT NOT NULL,
                currency TEXT NOT NULL, due_date TEXT, status TEXT NOT NULL, total_minor INTEGER NOT NULL, lines TEXT NOT NULL, usage TEXT NOT NULL,
                excluded_reason TEXT, external_id TEXT, number TEXT, hosted_url TEXT, issued_at INTEGER, paid_at INTEGER,
                last_payment_event_at INTEGER, reminders_sent INTEGER NOT NULL, last_reminder_at INTEGER, version INTEGER NOT NULL)
            """);
        migrationBuilder.Sql("CREATE UNIQUE INDEX ux_tenant_invoices_run_tenant ON tenant_invoices (run_id, tenant_id)");
        migrationBuilder.Sql("CREATE UNIQUE INDEX ux_tenant_invoices_external ON tenant_invoices (external_id) WHERE external_id IS NOT NULL");
        migrationBuilder.Sql("CREATE INDEX ix_tenant_invoices_tenant ON tenant_invoices (tenant_id, period, id)");
        migrationBuilder.Sql("CREATE INDEX ix_tenant_invoices_due ON tenant_invoices (status, due_date)");
        migrationBuilder.Sql("""
            CREATE TABLE payment_events (
                event_id TEXT NOT NULL PRIMARY KEY, kind TEXT NOT NULL, invoice_external_id TEXT NOT NULL, occurred_at INTEGER NOT NULL,
                outcome TEXT NOT NULL, received_at INTEGER NOT NULL)
            """);
        migrationBuilder.Sql("""
            CREATE TABLE tenant_dunning (
                tenant_id TEXT NOT NULL PRIMARY KEY, reminder_days TEXT NOT NULL, suspend_after_days INTEGER NOT NULL, paused INTEGER NOT NULL,
                paused_reason TEXT, paused_by TEXT, paused_at INTEGER, suspended_by_dunning_at INTEGER, version INTEGER NOT NULL)
            """);
        migrationBuilder.Sql("CREATE INDEX ix_tenant_dunning_suspended ON tenant_dunning (tenant_id) WHERE suspended_by_dunning_at IS NOT NULL");
    }
}
