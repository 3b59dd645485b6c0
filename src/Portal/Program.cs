using BackOffice.Portal;
using BackOffice.Billing.Stripe;
using BackOffice.ServiceDefaults;
using BackOffice.ServiceDefaults.Auth;
using BackOffice.ServiceDefaults.Health;
using BackOffice.ServiceDefaults.Problems;
using BackOffice.ServiceDefaults.RateLimiting;
using BackOffice.ServiceDefaults.Security;
using BackOffice.Storage.Sqlite;
using BackOffice.TenantApi;
using BackOffice.Workers;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSqliteStores();
builder.AddInvoicing();
builder.AddPortal();
var wholePlatform = builder.HostsWholePlatform();
if (wholePlatform) builder.AddTenantApi().AddWorkers();
else builder.AddAttachments();

var app = builder.Build();
app.UseForwardedHeadersDefaults();
app.UseSecurityHeaders(ContentSecurityPolicies.BlazorServer);
app.UseProblemDetailsDefaults(errorPage: "/Error", notFoundPage: "/not-found");
app.UseDevRoutesOnlyInDevelopment();
app.UseAuthentication();
app.UseAuthorization();
app.UseUserDirectory();
app.UseTenantRateLimits();
app.UseAntiforgery();
app.MapHealthEndpoints();
app.MapPortal();
if (wholePlatform) app.MapTenantApi();
app.PrintStartupBanner();
app.Run();

/// <summary>Marks this host's assembly for WebApplicationFactory.</summary>
public sealed class PortalHost;
