using BackOffice.Billing.Stripe;
using BackOffice.ServiceDefaults;
using BackOffice.ServiceDefaults.Auth;
using BackOffice.ServiceDefaults.Health;
using BackOffice.ServiceDefaults.Problems;
using BackOffice.ServiceDefaults.RateLimiting;
using BackOffice.ServiceDefaults.Security;
using BackOffice.Storage.Sqlite;
using BackOffice.TenantApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSqliteStores();
builder.AddInvoicing();
builder.AddTenantApi();

var app = builder.Build();
app.UseForwardedHeadersDefaults();
app.UseSecurityHeaders();
app.UseProblemDetailsDefaults();
app.UseDevRoutesOnlyInDevelopment();
app.UseAuthentication();
app.UseAuthorization();
app.UseUserDirectory();
app.UseTenantRateLimits();
app.MapHealthEndpoints();
app.MapTenantApi();
app.Run();

/// <summary>Marks this host's assembly for WebApplicationFactory.</summary>
public sealed class TenantApiHost;
