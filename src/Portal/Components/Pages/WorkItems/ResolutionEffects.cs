namespace BackOffice.Portal.Components.Pages.WorkItems;

/// <summary>What resolving an item of each work type does to the tenant's records (see the core's HR, billing, payables and order resolutions).</summary>
public static class ResolutionEffects
{
    public static string For(string type) => type switch
    {
        "new-hire" => "Resolving adds the new hire to the client's employees from their start date.",
        "employee-change" => "Resolving changes the employee's record from the effective date.",
        "payroll-change" => "Resolving changes the employee's pay (and bank account, if given) from the effective date.",
        "leave-request" => "Resolving books the leave on the employee's record.",
        "leaver" => "Resolving records the employee's last day and final pay.",
        "customer-invoice" => "Resolving issues the invoice on the customer's account (opening the account for a new customer).",
        "payment-received" => "Resolving applies the payment to the customer's invoices; what is left becomes credit.",
        "collections-follow-up" => "Resolving notes the follow-up on the customer's account.",
        "vendor-bill" => "Resolving approves and pays the bill, with you as its approver and today as its payment date.",
        "order-intake" => "Resolving takes the order in.",
        "availability-check" => "Resolving reserves the stock there is for the order; what is short is back-ordered.",
        "fulfilment" => "Resolving picks and packs the reserved order.",
        "shipment" => "Resolving ships the packed order: its reserved stock leaves the warehouse.",
        "return" => "Resolving takes the goods back; restocked goods go back on hand.",
        _ => "Resolving tells the client the work is done and asks them to confirm it.",
    };
}
