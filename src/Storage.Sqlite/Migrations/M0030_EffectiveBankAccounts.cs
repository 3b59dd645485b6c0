using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BackOffice.Storage.Sqlite.Migrations;

/// <summary>
/// An employee's bank account becomes an effective-dated change like pay, instead of one value that the latest payroll change
/// overwrote at once. Stored employees get their history back from the hires and payroll changes that set it (the items
/// their pay changes name); an employee with none of those (a roster import) keeps the account on file, from the start date.
/// </summary>
[DbContext(typeof(BackOfficeDbContext))]
[Migration("20261201000030_EffectiveBankAccounts")]
internal sealed class M0030_EffectiveBankAccounts : Migration
{
    internal static readonly string[] Backfill =
    [
        """
        UPDATE employees SET data = json_set(data, '$.changes', json((
            SELECT json_group_array(json(change) ORDER BY entered, derived) FROM (
                SELECT c.value AS change, c.key AS entered, 0 AS derived FROM json_each(employees.data, '$.changes') c
                UNION ALL
                SELECT json_object('effectiveDate', json_extract(c.value, '$.effectiveDate'), 'field', 'bankAccount',
                    'value', json_extract(w.payload, '$.bankAccount'), 'itemId', json_extract(c.value, '$.itemId')), c.key, 1
                FROM json_each(employees.data, '$.changes') c
                JOIN work_items w ON w.tenant_id = employees.tenant_id AND w.id = json_extract(c.value, '$.itemId')
                WHERE json_extract(c.value, '$.field') = 'pay' AND json_extract(w.payload, '$.bankAccount') IS NOT NULL))))
        WHERE NOT EXISTS (SELECT 1 FROM json_each(employees.data, '$.changes') c WHERE json_extract(c.value, '$.field') = 'bankAccount')
        """,
        """
        UPDATE employees SET data = json_set(data, '$.changes[#]', json_object('effectiveDate', json_extract(data, '$.startDate'),
            'field', 'bankAccount', 'value', json_extract(data, '$.bankAccount'), 'itemId', json_extract(data, '$.changes[0].itemId')))
        WHERE json_extract(data, '$.bankAccount') IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM json_each(employees.data, '$.changes') c WHERE json_extract(c.value, '$.field') = 'bankAccount')
        """,
        "UPDATE employees SET data = json_remove(data, '$.bankAccount') WHERE json_type(data, '$.bankAccount') IS NOT NULL",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in Backfill) migrationBuilder.Sql(statement);
    }
}
