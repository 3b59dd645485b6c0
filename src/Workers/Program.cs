using BackOffice.Billing.Stripe;
using BackOffice.ServiceDefaults;
using BackOffice.ServiceDefaults.Health;
using BackOffice.Storage.Sqlite;
using BackOffice.Workers;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSqliteStores();
builder.AddInvoicing();
builder.AddWorkers();

var app = builder.Build();
app.MapHealthEndpoints();
app.Run();

/// <summary>Marks this host's assembly for WebApplicationFactory.</summary>
public sealed class WorkersHost;
