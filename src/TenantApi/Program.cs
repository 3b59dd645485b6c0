using BackOffice.ServiceDefaults;
using BackOffice.ServiceDefaults.Health;
using BackOffice.ServiceDefaults.Problems;
using BackOffice.Storage.Sqlite;
using BackOffice.TenantApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSqliteStores();
builder.AddTenantApi();

var app = builder.Build();
app.UseProblemDetailsDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthEndpoints();
app.MapTenantApi();
app.Run();

/// <summary>Marks this host's assembly for WebApplicationFactory.</summary>
public sealed class TenantApiHost;
