namespace BackOffice.Portal.Components.Pages.Webhooks;

/// <summary>What each webhook event is called on screen (the stable names stay on the wire and in the payloads).</summary>
public static class WebhookEventNames
{
    public static string Of(string name) => name switch
    {
        "sla.warning" => "SLA warning",
        "sla.breached" => "SLA breached",
        "sla.replayed" => "SLA clocks recomputed",
        "work-item.waiting-on-client" => "Question for you",
        "work-item.resolved" => "Work resolved",
        "work-item.cancelled" => "Work cancelled",
        "work-item.closed" => "Work closed",
        _ => Display.Names.Slug(name),
    };
}
