using BackOffice.Billing.Stripe;
using BackOffice.Host;
using BackOffice.ServiceDefaults;
using BackOffice.ServiceDefaults.Health;
using BackOffice.ServiceDefaults.Live;

var builder = WebApplication.CreateBuilder(args);
var roles = builder.AddPlatformRoles();
builder.AddServiceDefaults();
builder.AddStores();
builder.AddLiveUpdates(hasPages: roles.HasFlag(PlatformRoles.Portal));
builder.AddInvoicing();
builder.AddBlobStore();
builder.AddDataProtectionKeyRing();
builder.AddMessaging(roles);
builder.AddRoles(roles);

var app = builder.Build();
app.UseRolePipeline(roles);
app.MapHealthEndpoints();
app.MapRoles(roles);
app.Run();

/// <summary>The entry point, named for the test host (WebApplicationFactory).</summary>
public partial class Program;
