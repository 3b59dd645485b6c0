using BackOffice.Core.Tenancy;

namespace BackOffice.Portal.Components.Pages.Admin;

/// <summary>A status change offered on a tenant: the button's verb, what it leads to, and what the dialog warns.</summary>
public sealed record TenantStatusAction(string Verb, TenantStatus To, string Warning)
{
    private static readonly TenantStatusAction Activate = new("Activate", TenantStatus.Active, "Its users can submit and change work from now on.");
    private static readonly TenantStatusAction Suspend = new("Suspend", TenantStatus.Suspended, "Its users can still read, but can submit or change no work until it is reactivated.");
    private static readonly TenantStatusAction Reactivate = new("Reactivate", TenantStatus.Active, "Its users can submit and change work again.");
    private static readonly TenantStatusAction Offboard = new("Offboard", TenantStatus.Offboarded, "Its users lose all access. This cannot be undone.");

    /// <summary>The changes the tenant lifecycle allows from <paramref name="status"/>; the core refuses any other.</summary>
    public static IReadOnlyList<TenantStatusAction> For(TenantStatus status) => status switch
    {
        TenantStatus.Onboarding => [Activate, Offboard],
        TenantStatus.Active => [Suspend, Offboard],
        TenantStatus.Suspended => [Reactivate, Offboard],
        _ => [],
    };
}
