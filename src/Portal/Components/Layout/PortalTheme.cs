using MudBlazor;

namespace BackOffice.Portal.Components.Layout;

/// <summary>The one theme of the Portal; colours chosen for contrast (WCAG AA) against white and the app bar.</summary>
public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d4ed8",
            Secondary = "#7c3aed",
            AppbarBackground = "#1d2b4f",
            AppbarText = "#ffffff",
            Background = "#f6f7f9",
            DrawerBackground = "#ffffff",
            DrawerText = "#1d2430",
            TextPrimary = "#1d2430",
            TextSecondary = "#4b5563",
            Success = "#15803d",
            Warning = "#b45309",
            Error = "#b91c1c",
            Info = "#1d4ed8",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"] },
        },
    };
}
