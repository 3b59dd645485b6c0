using System.ComponentModel.DataAnnotations;

namespace BackOffice.ServiceDefaults.RateLimiting;

/// <summary>
/// Configuration section "RateLimits": API budgets per tenant (all of a client tenant's users share them) and per
/// caller for provider staff, who work across tenants. <see cref="Tenants"/> overrides budgets by tenant id.
/// </summary>
public sealed record RateLimitOptions : IValidatableObject
{
    public const string SectionName = "RateLimits";

    public bool Enabled { get; init; } = true;

    public RequestBudgets Defaults { get; init; } = new()
    {
        Reads = new() { Permits = 20, Burst = 100 },
        Writes = new() { Permits = 10, Burst = 50 },
        Exports = new() { Permits = 1, Period = TimeSpan.FromSeconds(10), Burst = 5 },
        Imports = new() { Permits = 1, Period = TimeSpan.FromMinutes(1), Burst = 3 },
    };

    /// <summary>Overrides by tenant id, e.g. RateLimits:Tenants:northwind:Reads:Permits.</summary>
    public Dictionary<string, RequestBudgets> Tenants { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public RateBudget BudgetFor(string? tenantId, RequestKind kind) =>
        (tenantId is not null && Tenants.TryGetValue(tenantId, out var own) ? own.For(kind) : null) ?? Defaults.For(kind)!;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var problems = Enum.GetValues<RequestKind>().SelectMany(kind => Defaults.For(kind) is { } budget
            ? budget.Problems($"{SectionName}:Defaults:{kind}")
            : [$"{SectionName}:Defaults:{kind} is required."]);
        var overrides = Tenants.SelectMany(t => Enum.GetValues<RequestKind>()
            .SelectMany(kind => t.Value.For(kind)?.Problems($"{SectionName}:Tenants:{t.Key}:{kind}") ?? []));
        return problems.Concat(overrides).Select(p => new ValidationResult(p));
    }
}
