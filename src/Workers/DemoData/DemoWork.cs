using System.Text.Json;
using BackOffice.Core.Tenancy;

namespace BackOffice.Workers.DemoData;

/// <summary>A piece of demo work: its type, title and typed payload (none for <c>general</c> work).</summary>
public sealed record DemoWorkSpec(string Type, string Title, JsonElement? Payload);

/// <summary>
/// Plausible work for a demo tenant: typed work that starts records (hires, invoices, vendor bills, orders), whose
/// payloads pass the same validation as the API's, and general requests in between.
/// </summary>
public static class DemoWork
{
    public static readonly IReadOnlyList<string> Skus = ["MUG-1", "TEE-M", "CAP-1", "BAG-2"];

    private static readonly string[] People = ["Priya Shah", "Tom Okafor", "Mia Jensen", "Luis Ortega", "Aiko Sato", "Sam Reid", "Nina Petrova", "Omar Haddad"];
    private static readonly string[] Companies = ["Initech", "Globex", "Umbrella Retail", "Stark Supplies", "Wayne Foods"];
    private static readonly string[] Vendors = ["Acme Paper", "Blue Courier", "City Power", "Office Hub"];
    private static readonly Dictionary<ServiceLine, string[]> General = new()
    {
        [ServiceLine.Hr] = ["Payroll query from a manager", "Update the staff handbook", "Check holiday balances"],
        [ServiceLine.Billing] = ["Reconcile the bank statement", "Customer query on an invoice", "Month-end close checklist"],
        [ServiceLine.Orders] = ["Damaged parcel complaint", "Carrier rate review", "Stock count discrepancy"],
    };

    public static string CurrencyOf(string tenantId) => tenantId switch { "northwind" => "GBP", "tailspin" => "AUD", _ => "USD" };

    /// <param name="serial">Unique per seeded item: keeps vendor bill numbers apart.</param>
    public static DemoWorkSpec For(ServiceLine line, string tenantId, DateTimeOffset at, int serial, Random random)
    {
        if (random.Next(4) == 0) return new("general", Pick(General[line], random), null);
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var currency = CurrencyOf(tenantId);
        return line switch
        {
            ServiceLine.Hr => Hire(Pick(People, random), day.AddDays(14 + random.Next(30)), currency, random),
            ServiceLine.Billing when random.Next(3) == 0 => Bill(Pick(Vendors, random), 1000 + serial, day.AddDays(30), currency, random),
            ServiceLine.Billing => Invoice(Pick(Companies, random), day.AddDays(30), currency, random),
            _ => Order(Pick(People, random), random),
        };
    }

    private static DemoWorkSpec Hire(string name, DateOnly start, string currency, Random random) => new("new-hire", $"New hire: {name}", Json(new
    {
        fullName = name, email = $"{name.Split(' ')[0].ToLowerInvariant()}@example.test", nationalId = $"NI{random.Next(100000, 999999)}",
        startDate = start.ToString("O"), position = Pick(["Analyst", "Clerk", "Team lead", "Engineer"], random), department = Pick(["Finance", "Sales", "Operations"], random),
        pay = new { amount = random.Next(28, 90) * 1000, currency, frequency = "annual" }, bankAccount = $"DE{random.NextInt64(10_000_000_000, 99_999_999_999)}",
    }));

    private static DemoWorkSpec Invoice(string customer, DateOnly due, string currency, Random random) => new("customer-invoice", $"Invoice {customer}", Json(new
    {
        customer = new { name = customer }, currency, dueDate = due.ToString("O"),
        lines = new[] { new { description = "Services this month", quantity = random.Next(1, 20), unitPrice = random.Next(50, 400), taxPercent = 20 } },
    }));

    private static DemoWorkSpec Bill(string vendor, int number, DateOnly due, string currency, Random random) => new("vendor-bill", $"Bill AP-{number} from {vendor}",
        Json(new { vendorName = vendor, number = $"AP-{number}", amount = random.Next(40, 2000), currency, dueDate = due.ToString("O") }));

    private static DemoWorkSpec Order(string customer, Random random) => new("order-intake", $"Order for {customer}", Json(new
    {
        customer, shipTo = new { name = customer, line1 = $"{random.Next(1, 99)} High Street", city = "Leeds", postalCode = "LS1 1AA", country = "GB" },
        lines = Skus.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(sku => new { sku, quantity = random.Next(1, 5) }).ToArray(),
    }));

    private static string Pick(string[] options, Random random) => options[random.Next(options.Length)];

    private static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value, JsonSerializerOptions.Web);
}
