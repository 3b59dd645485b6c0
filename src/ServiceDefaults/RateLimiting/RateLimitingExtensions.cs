using System.Globalization;
using System.Threading.RateLimiting;
using BackOffice.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackOffice.ServiceDefaults.RateLimiting;

public static class RateLimitingExtensions
{
    /// <summary>The partition key carries the budget, so a changed setting takes effect on the next request.</summary>
    private sealed record Partition(string Owner, RequestKind Kind, RateBudget Budget)
    {
        public static readonly Partition Unlimited = new("", RequestKind.Reads, new RateBudget());
    }

    /// <summary>Registered with the limits, so a host that did not add them (the Portal alone) skips the middleware.</summary>
    private sealed class Registered;

    /// <summary>API budgets per tenant and per caller (<see cref="RateLimitOptions"/>); over budget is 429 with Retry-After.</summary>
    public static IHostApplicationBuilder AddTenantRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.SectionName);
        builder.Services.AddMemoryCache().AddSingleton<Registered>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptionsMonitor<RateLimitOptions>>((limiter, settings) =>
            {
                limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, Partition>(context => PartitionOf(context, settings.CurrentValue));
                limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                limiter.OnRejected = RejectAsync;
            });
        return builder;
    }

    /// <summary>After authorization, so the caller is known; does nothing in a host that did not add the limits.</summary>
    public static WebApplication UseTenantRateLimits(this WebApplication app)
    {
        if (app.Services.GetService<Registered>() is null) return app;
        app.Use(async (context, next) =>
        {
            if (RateLimitOwner.KindOf(context.Request) is not null) context.Features.Set(await RateLimitOwner.ResolveAsync(context));
            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<Partition> PartitionOf(HttpContext context, RateLimitOptions settings)
    {
        if (!settings.Enabled || RateLimitOwner.KindOf(context.Request) is not { } kind || context.Features.Get<RateLimitOwner>() is not { } owner)
            return RateLimitPartition.GetNoLimiter(Partition.Unlimited);
        var partition = new Partition(owner.Key, kind, settings.BudgetFor(owner.TenantId, kind));
        return RateLimitPartition.GetTokenBucketLimiter<Partition>(partition, p => new TokenBucketRateLimiterOptions
        {
            TokenLimit = p.Budget.BucketSize,
            TokensPerPeriod = p.Budget.Permits,
            ReplenishmentPeriod = p.Budget.Period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var kind = RateLimitOwner.KindOf(context.Request)!.Value.ToString().ToLowerInvariant();
        var owner = context.Features.Get<RateLimitOwner>()?.TenantId is { } tenant ? $"Tenant '{tenant}'" : "This caller";
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests",
            Detail = $"{owner} has used its budget for {kind}; retry after {seconds} s.",
            Extensions = { ["budget"] = kind, ["retryAfterSeconds"] = seconds },
        };
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
