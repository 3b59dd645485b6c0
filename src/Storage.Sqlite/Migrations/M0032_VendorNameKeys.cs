using BackOffice.Core.Billing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// Vendors are matched by their name's key (<see cref="VendorNames.Key"/>), unique per tenant. Vendors already stored get their
/// key; where several of a tenant share one (a bill submitted twice by name made a second vendor), the oldest keeps it as its
/// own and the others are marked as sharing it: none is lost, and a bill paid to any of them counts as paid.
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000032_VendorNameKeys")]
internal sealed class M0032_VendorNameKeys : Migration
{
    /// <summary>The key as a SQL function, so the migration computes it exactly as the store does.</summary>
    public const string KeyFunction = "backoffice_vendor_key";

    internal static readonly string[] Statements =
    [
        "ALTER TABLE vendor_accounts ADD COLUMN name_key TEXT",
        "ALTER TABLE vendor_accounts ADD COLUMN name_shared INTEGER NOT NULL DEFAULT 0",
        $"UPDATE vendor_accounts SET name_key = {KeyFunction}(name)",
        """
        UPDATE vendor_accounts SET name_shared = 1
        WHERE EXISTS (SELECT 1 FROM vendor_accounts o WHERE o.tenant_id = vendor_accounts.tenant_id AND o.name_key = vendor_accounts.name_key
                      AND o.id < vendor_accounts.id)
        """,
        "CREATE UNIQUE INDEX ux_vendor_accounts_name_key ON vendor_accounts (tenant_id, name_key) WHERE name_shared = 0",
        "CREATE INDEX ix_vendor_accounts_name_key ON vendor_accounts (tenant_id, name_key)",
    ];

    public static void AddKeyFunction(SqliteConnection connection) =>
        connection.CreateFunction<string, string>(KeyFunction, VendorNames.Key, isDeterministic: true);

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in Statements) migrationBuilder.Sql(statement);
    }
}
