using BackOffice.Core.Common;
using BackOffice.Core.Hr;
using BackOffice.Core.WorkItems;
using static BackOffice.Portal.Components.Pages.Submit.FieldKind;

namespace BackOffice.Portal.Components.Pages.Submit;

/// <summary>
/// The form of each typed work type, field for field the payload records of <see cref="WorkTypes.PayloadTypes"/>; the
/// core still validates everything, the form only lays the fields out and says which are required.
/// </summary>
public static class PayloadForms
{
    private static readonly PayloadField Employee = new("employeeId", "Employee ID", Id, true, Help: "As shown on the employee's record.");
    private static readonly PayloadField OrderId = new("orderId", "Order ID", Id, true, Help: "As shown on the order.");

    private static PayloadField[] Pay(bool required) =>
    [
        new("pay.amount", "Pay amount", Money, required), new("pay.currency", "Pay currency", Currency, required),
        new("pay.frequency", "Paid", Choice, required, EnumText.Names<PayFrequency>()),
    ];

    private static readonly PayloadList OrderLines = new("lines", "Lines", "Line", [new("sku", "SKU", Required: true, Help: "e.g. ABC-123"), new("quantity", "Quantity", Whole, true)]);

    private static readonly Dictionary<string, PayloadForm> Forms = new(StringComparer.Ordinal)
    {
        ["new-hire"] = PayloadForm.Of(
            [new("fullName", "Full name", Required: true), new("email", "Email", FieldKind.Email), new("nationalId", "National ID"), new("startDate", "Start date", Date, true),
             new("position", "Position", Required: true), new("department", "Department", Required: true), .. Pay(true),
             new("bankAccount", "Bank account (IBAN or account number)"), new("managerId", "Manager's employee ID", Id)]),
        ["employee-change"] = PayloadForm.Of(Employee, new("effectiveDate", "Effective from", Date, true), new("position", "New position"),
            new("department", "New department"), new("managerId", "New manager's employee ID", Id)).Noting("Fill in only what changes."),
        ["payroll-change"] = PayloadForm.Of([Employee, new("effectiveDate", "Effective from", Date, true), .. Pay(true), new("bankAccount", "New bank account")]),
        ["leave-request"] = PayloadForm.Of(Employee, new("type", "Kind of leave", Choice, true, EnumText.Names<LeaveType>()),
            new("from", "First day", Date, true), new("to", "Last day", Date, true), new("approver", "Approved by", Required: true)),
        ["leaver"] = PayloadForm.Of(Employee, new("lastDay", "Last day", Date, true), new("reason", "Reason", LongText, true))
            .With(new("finalPay", "Final pay", "Item", [new("description", "Description", Required: true), new("amount", "Amount", Money, true), new("currency", "Currency", Currency, true)])),
        ["customer-invoice"] = PayloadForm.Of(new("customerId", "Existing customer ID", Id), new("customer.name", "Or a new customer's name"),
                new("customer.email", "New customer's email", FieldKind.Email), new("currency", "Currency", Currency, true), new("dueDate", "Due on", Date, true))
            .With(new("lines", "Lines", "Line", [new("description", "Description", Required: true), new("quantity", "Quantity", Number, true),
                new("unitPrice", "Unit price", Money, true), new("taxPercent", "Tax %", Number, true)]))
            .Noting("Give an existing customer's ID or a new customer's name."),
        ["payment-received"] = PayloadForm.Of(new("customerId", "Customer ID", Id, true), new("amount", "Amount", Money, true), new("currency", "Currency", Currency, true),
                new("receivedOn", "Received on", Date, true), new("reference", "Reference", Required: true))
            .With(new("allocations", "Apply to invoices", "Invoice", [new("invoiceId", "Invoice ID", Id, true), new("amount", "Amount", Money, true)])),
        ["collections-follow-up"] = PayloadForm.Of(new("customerId", "Customer ID", Id, true), new("invoiceId", "Invoice ID", Id, true),
            new("note", "Note", LongText, true), new("nextActionOn", "Next action on", Date)),
        ["vendor-bill"] = PayloadForm.Of(new("vendorId", "Existing vendor ID", Id), new("vendorName", "Or the vendor's name"), new("number", "Bill number", Required: true),
            new("amount", "Amount", Money, true), new("currency", "Currency", Currency, true), new("dueDate", "Due on", Date, true))
            .Noting("Give an existing vendor's ID or the vendor's name."),
        ["order-intake"] = PayloadForm.Of(new("customer", "Customer", Required: true), new("shipTo.name", "Ship to (name)", Required: true),
            new("shipTo.line1", "Address", Required: true), new("shipTo.city", "City", Required: true), new("shipTo.postalCode", "Postal code", Required: true),
            new("shipTo.country", "Country (2 letters)", Required: true, Help: "e.g. GB")).With(OrderLines),
        ["availability-check"] = PayloadForm.Of(OrderId),
        ["fulfilment"] = PayloadForm.Of(OrderId),
        ["shipment"] = PayloadForm.Of(OrderId, new("carrier", "Carrier", Required: true), new("trackingNumber", "Tracking number", Required: true)),
        ["return"] = PayloadForm.Of(OrderId, new("rma", "RMA number", Required: true), new("restock", "Put the goods back in stock", Check)).With(OrderLines),
    };

    /// <summary>The form of a work type's payload; null for types that take none (their details go in the description).</summary>
    public static PayloadForm? For(string type) => Forms.GetValueOrDefault(type);
}
