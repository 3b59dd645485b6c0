namespace BackOffice.ServiceDefaults.Security;

public static class ContentSecurityPolicies
{
    /// <summary>JSON answers load nothing and are never framed.</summary>
    public const string Api = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// Blazor Server pages: scripts, styles and the circuit's websocket from this origin only ('self' covers ws: and
    /// wss: to the same host); no inline script or eval, no plugins, never framed, forms post only here. Inline styles
    /// are allowed: the component library sets its theme and layout in style attributes and a style element; a style
    /// runs no code, and scripts stay 'self' only.
    /// </summary>
    public const string BlazorServer =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}
