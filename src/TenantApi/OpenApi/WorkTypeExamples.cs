using System.Text.Json.Nodes;
using BackOffice.Core.Billing;
using BackOffice.Core.Hr;
using BackOffice.Core.Orders;

namespace BackOffice.TenantApi.OpenApi;

/// <summary>An example payload of each typed work type, by its payload record, for the OpenAPI document.</summary>
internal static class WorkTypeExamples
{
    private const string Employee = "0195a3c4-0000-7000-8000-000000000101", Customer = "0195a3c4-0000-7000-8000-000000000201";
    private const string Invoice = "0195a3c4-0000-7000-8000-000000000202", Order = "0195a3c4-0000-7000-8000-000000000301";
    private const string Pay = """{ "amount": 52000, "currency": "GBP", "frequency": "annual" }""";
    private const string Address = """
        { "name": "Contoso Retail", "line1": "1 High Street", "city": "Leeds", "postalCode": "LS1 1AA", "country": "GB" }
        """;

    private static readonly Dictionary<Type, string> Payloads = new()
    {
        [typeof(NewHire)] = $$"""
            { "fullName": "Jane Doe", "email": "jane.doe@example.com", "nationalId": "QQ123456C", "startDate": "2027-01-04",
              "position": "Accountant", "department": "Finance", "pay": {{Pay}}, "managerId": null, "bankAccount": "GB29NWBK60161331926819" }
            """,
        [typeof(EmployeeChange)] = $$"""
            { "employee": "{{Employee}}", "effectiveDate": "2027-02-01", "position": "Senior accountant", "department": null, "managerId": null }
            """,
        [typeof(PayrollChange)] = $$"""{ "employee": "{{Employee}}", "effectiveDate": "2027-02-01", "pay": {{Pay}}, "bankAccount": null }""",
        [typeof(LeaveRequest)] = $$"""
            { "employee": "{{Employee}}", "type": "annual", "from": "2027-03-01", "to": "2027-03-05", "approver": "Nora Northwind" }
            """,
        [typeof(Leaver)] = $$"""
            { "employee": "{{Employee}}", "lastDay": "2027-04-30", "reason": "Resigned",
              "finalPay": [{ "description": "Untaken leave", "amount": 1200.5, "currency": "GBP" }] }
            """,
        [typeof(CustomerInvoice)] = """
            { "customerId": null, "customer": { "name": "Fabrikam Ltd", "email": "ap@fabrikam.example" }, "currency": "GBP",
              "lines": [{ "description": "Payroll services, December", "quantity": 1, "unitPrice": 2500, "taxPercent": 20 }],
              "dueDate": "2027-01-31" }
            """,
        [typeof(PaymentReceived)] = $$"""
            { "customerId": "{{Customer}}", "amount": 3000, "currency": "GBP", "receivedOn": "2027-01-20", "reference": "BACS 88231",
              "allocations": [{ "invoiceId": "{{Invoice}}", "amount": 3000 }] }
            """,
        [typeof(CollectionsFollowUp)] = $$"""
            { "customerId": "{{Customer}}", "invoiceId": "{{Invoice}}", "note": "Called accounts payable; payment promised Friday",
              "nextActionOn": "2027-02-05" }
            """,
        [typeof(VendorBill)] = """
            { "vendorId": null, "vendorName": "Northwind Office Supplies", "number": "NOS-4471", "amount": 812.4, "currency": "GBP",
              "dueDate": "2027-02-15" }
            """,
        [typeof(OrderIntake)] = $$"""{ "customer": "Contoso Retail", "shipTo": {{Address}}, "lines": [{ "sku": "TOY-001", "quantity": 3 }] }""",
        [typeof(AvailabilityCheck)] = $$"""{ "orderId": "{{Order}}" }""",
        [typeof(Fulfilment)] = $$"""{ "orderId": "{{Order}}" }""",
        [typeof(Shipment)] = $$"""{ "orderId": "{{Order}}", "carrier": "DHL", "trackingNumber": "JD014600003828" }""",
        [typeof(OrderReturn)] = $$"""
            { "orderId": "{{Order}}", "rma": "RMA-1042", "lines": [{ "sku": "TOY-001", "quantity": 1 }], "restock": true }
            """,
    };

    public static JsonNode? Payload(Type record) => Payloads.TryGetValue(record, out var json) ? JsonNode.Parse(json) : null;

    public static string Title(string type) => char.ToUpperInvariant(type[0]) + type[1..].Replace('-', ' ');
}
