using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.TenantApi.Tests.Finance;

/// <summary>A tenant's price plan over the API: finance changes it under If-Match, the tenant's admins read it, nobody else touches it.</summary>
public sealed class PricePlanApiTests : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly TestUser AcmeAdmin = new("acme-admin", "Ada Acme", [Core.Common.Roles.ClientAdmin], TestUser.AcmeDirectory);
    private const string Url = "/api/tenants/acme/price-plan";
    private readonly ApiFactory _factory;
    private readonly HttpClient _finance;

    public PricePlanApiTests(ApiFactory factory) => (_factory, _finance) = (factory, factory.ClientAs(TestUser.Finance));

    public Task InitializeAsync() => Api.OnboardActiveAsync(_factory.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory, "hr", "orders");

    public Task DisposeAsync() => Task.CompletedTask;

    private static string NextMonth => DateTime.UtcNow.AddMonths(1).ToString("yyyy-MM");

    private static object Plan(string currency = "GBP", decimal fee = 250m, object? tiers = null) => new
    {
        effectiveFrom = NextMonth, currency, monthlyFee = fee, minimumCommitment = 1000m, reason = "Signed contract",
        prices = new object[]
        {
            new { meter = "hire", includedUnits = 2, mode = "graduated", tiers = tiers ?? new object[] { new { upTo = 10, unitPrice = 40 }, new { upTo = (decimal?)null, unitPrice = 30 } } },
            new { meter = "order-line-shipped", includedUnits = 0, mode = "volume", tiers = new object[] { new { upTo = 1000, unitPrice = 0.5m }, new { upTo = (decimal?)null, unitPrice = 0.35m } } },
        },
    };

    private async Task<HttpResponseMessage> PutAsync(HttpClient client, object body, string? etag) =>
        await Api.SendWithETagAsync(client, HttpMethod.Put, Url, etag, body);

    [Fact]
    public async Task Get_BeforeFinanceSetsAPlan_IsThePlatformDefault_AtVersionZero()
    {
        var response = await _finance.GetAsync(Url);
        var body = await Api.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((bool)body["isDefault"]!);
        Assert.Equal("USD", (string)body["current"]!["currency"]!);
        Assert.NotEmpty(body["current"]!["prices"]!.AsArray());
    }

    [Fact]
    public async Task Put_UnderIfMatch_AddsAVersion_TheClientAdminReadsIt_AndItsEventGoesOutForTheActivityFeed()
    {
        var etag = (await _finance.GetAsync(Url)).Headers.ETag!.Tag;
        var outbox = _factory.Services.GetRequiredService<BackOffice.Core.Events.IOutbox>();
        var before = await outbox.CountUndeliveredAsync(default);

        var put = await PutAsync(_finance, Plan(), etag);
        var stale = await PutAsync(_finance, Plan(fee: 300m), etag);
        var asAdmin = await Api.GetJsonAsync(_factory.ClientAs(AcmeAdmin), Url);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var version = asAdmin["versions"]!.AsArray().Single()!;
        Assert.Equal(("Fay Finance", "Signed contract", "GBP", NextMonth), ((string)version["changedBy"]!, (string)version["reason"]!,
            (string)version["plan"]!["currency"]!, (string)version["plan"]!["effectiveFrom"]!));
        Assert.Equal(250m, (decimal)version["plan"]!["monthlyFee"]!);
        Assert.Equal(before + 1, await outbox.CountUndeliveredAsync(default));
    }

    [Fact]
    public async Task Put_ByAClientAdminOrAnAgent_IsRefused_AndAClientUserCannotReadIt()
    {
        var etag = (await _finance.GetAsync(Url)).Headers.ETag!.Tag;

        await Api.ProblemAsync(await PutAsync(_factory.ClientAs(AcmeAdmin), Plan(), etag), HttpStatusCode.Forbidden);
        await Api.ProblemAsync(await PutAsync(_factory.ClientAs(TestUser.Agent), Plan(), etag), HttpStatusCode.Forbidden);
        await Api.ProblemAsync(await _factory.ClientAs(TestUser.AcmeClient).GetAsync(Url), HttpStatusCode.Forbidden);
        await Api.ProblemAsync(await _factory.ClientAs(TestUser.GlobexClient).GetAsync(Url), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("XYZ", "currency")]
    [InlineData("ZWG", "currency")]
    public async Task Put_InACurrencyNotBilledIn_IsA400NamingTheCurrency_AndChangesNothing(string currency, string field)
    {
        var etag = (await _finance.GetAsync(Url)).Headers.ETag!.Tag;

        var errors = await Api.ProblemAsync(await PutAsync(_finance, Plan(currency), etag), HttpStatusCode.BadRequest);

        Assert.Contains(field, errors.Keys);
        Assert.Equal(etag, (await _finance.GetAsync(Url)).Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Put_WithNegativeOrOverlappingTiersOrAnUnknownMeter_NamesEachField()
    {
        var etag = (await _finance.GetAsync(Url)).Headers.ETag!.Tag;
        var body = new
        {
            effectiveFrom = "2020-01", currency = "JPY", monthlyFee = 10.5m,
            prices = new object[]
            {
                new { meter = "hire", tiers = new object[] { new { upTo = 10, unitPrice = -1 }, new { upTo = 5, unitPrice = 2 }, new { upTo = (decimal?)null, unitPrice = 1 } } },
                new { meter = "coffee", tiers = new object[] { new { upTo = (decimal?)null, unitPrice = 1 } } },
            },
        };

        var errors = await Api.ProblemAsync(await PutAsync(_finance, body, etag), HttpStatusCode.BadRequest);

        Assert.Equal(["effectiveFrom", "monthlyFee", "prices[0].tiers[0].unitPrice", "prices[0].tiers[1].upTo", "prices[1].meter"], errors.Keys.Order());
        Assert.Equal(etag, (await _finance.GetAsync(Url)).Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Meters_ListTheCatalogue()
    {
        var meters = (await Api.JsonAsync(await _factory.ClientAs(TestUser.AcmeClient).GetAsync("/api/meters"), "")).AsArray();

        Assert.Contains(meters, m => (string)m!["meter"]! == "order-line-shipped" && (string)m["workType"]! == "shipment");
        Assert.Contains(meters, m => (string)m!["meter"]! == "general-work" && m["workType"] is null);
    }
}
