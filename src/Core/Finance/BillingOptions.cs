using System.ComponentModel.DataAnnotations;

namespace BackOffice.Core.Finance;

/// <summary>Configuration section "Billing".</summary>
public sealed record BillingOptions
{
    public const string SectionName = "Billing";

    /// <summary>Days from the tenant's issue date to the due date.</summary>
    [Range(0, 120)]
    public int PaymentTermsDays { get; init; } = 14;

    /// <summary>How often the billing worker looks for runs to draft or issue (a run started or approved is also signalled at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RunPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often dunning sends due reminders, suspends and reactivates.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan DunningInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Tenants drafted at once by a run.</summary>
    [Range(1, 64)]
    public int DraftParallelism { get; init; } = 4;
}

/// <summary>Who works the finance desk: finance, and platform admins who stand in for them.</summary>
public static class FinanceRoles
{
    public static readonly string[] Desk = [Common.Roles.Finance, Common.Roles.PlatformAdmin];

    /// <summary>Who reads a tenant's invoices: the finance desk and the tenant's admins (its users see usage, not invoices).</summary>
    public static readonly string[] InvoiceReaders = [Common.Roles.Finance, Common.Roles.PlatformAdmin, Common.Roles.ClientAdmin];

    /// <summary>Who reads a tenant's usage and charges so far: the finance desk and every user of the tenant.</summary>
    public static readonly string[] UsageReaders = [Common.Roles.Finance, Common.Roles.PlatformAdmin, Common.Roles.ClientAdmin, Common.Roles.ClientUser];
}
