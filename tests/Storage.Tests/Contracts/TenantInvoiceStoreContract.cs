using System.Globalization;
using BackOffice.Core.Common;
using BackOffice.Core.Events;
using BackOffice.Core.Finance.Issuing;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Finance.Rating;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using Currencies = BackOffice.Core.Finance.Money.Currencies;

namespace BackOffice.Storage.Tests.Contracts;

/// <summary>
/// Tenants' invoices: every field back exactly, one per run and tenant, saves under the version read with their events in the
/// same write, tenants apart; the lists and the tally in the other part.
/// </summary>
public abstract partial class TenantInvoiceStoreContract(IStoreAdapter adapter)
{
    private static readonly TenantScope Acme = TenantScope.ForWorker("acme");
    private static readonly TenantScope Globex = TenantScope.ForWorker("globex");
    private static readonly BillingPeriod Nov = new(2026, 11);

    private static InvoiceLine Line(RatedLine rated) => new(Guid.NewGuid(), rated);

    /// <summary>A Kuwaiti dinar draft (three decimals) with a line of every kind, a manual adjustment and usage of every shape.</summary>
    private static TenantInvoice Dinar(string tenant = "acme", Guid? runId = null)
    {
        var invoice = new TenantInvoice
        {
            Id = Guid.NewGuid(), RunId = runId ?? Guid.NewGuid(), TenantId = tenant, TenantName = $"{tenant} Ltd", Period = Nov,
            Currency = Currencies.Get("KWD"),
            Lines =
            [
                Line(new RatedLine(LineKind.Usage, "New hires, 11 to 100", 3m, 4.125m, 12.375m, Meter.Hire, 2, ServiceLine.Hr, Priority.P1)),
                Line(new RatedLine(LineKind.LateUsage, "Order lines (late)", 1.5m, 0.3335m, 0.500m, Meter.OrderLineShipped, 1, ServiceLine.Orders,
                    Priority.P2)),
                Line(new RatedLine(LineKind.PlatformFee, "Platform fee", 1m, 25.5m, 25.500m)),
                Line(new RatedLine(LineKind.MinimumTopUp, "Minimum commitment", 1m, null, 7.001m)),
                Line(new RatedLine(LineKind.SlaCredit, "SLA credit: HR P1", 1m, null, -1.238m, ServiceLine: ServiceLine.Hr, Priority: Priority.P1)),
            ],
            Usage =
            [
                new MeterTotal(Meter.Hire, Priority.P1, false, 3m), new MeterTotal(Meter.OrderLineShipped, Priority.P2, true, 1.5m),
                new MeterTotal(Meter.GeneralWork, null, false, 0.0001m),
            ],
        };
        invoice.Adjust(-0.005m, "Goodwill", Build.Admin, "Late onboarding call", Build.Now);
        return invoice;
    }

    private static TenantInvoice Yen(string tenant = "acme", Guid? runId = null) => new()
    {
        Id = Guid.NewGuid(), RunId = runId ?? Guid.NewGuid(), TenantId = tenant, TenantName = $"{tenant} KK", Period = Nov,
        Currency = Currencies.Get("JPY"),
        Lines =
        [
            Line(new RatedLine(LineKind.PlatformFee, "Platform fee", 1m, 1_234_567m, 1_234_567m)),
            Line(new RatedLine(LineKind.Usage, "New hires", 3m, 3_500.123456m, 10_500m, Meter.Hire, 1, ServiceLine.Hr, Priority.P3)),
        ],
    };

    private static void Issue(TenantInvoice invoice, string externalId, int minute = 0)
    {
        invoice.StartIssuing(new DateOnly(2026, 12, 31));
        var issued = new IssuedInvoice(externalId, $"BO-{externalId}", $"https://pay.example/{externalId}", IssuedStatus.Open);
        invoice.Issued(issued, Build.Now.AddMinutes(minute));
    }

    private static void AssertSame(TenantInvoice expected, TenantInvoice? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal((expected.Id, expected.RunId, expected.TenantId, expected.TenantName, expected.Period, expected.Currency, expected.DueDate),
            (actual.Id, actual.RunId, actual.TenantId, actual.TenantName, actual.Period, actual.Currency, actual.DueDate));
        Assert.Equal(
            (expected.Status, expected.ExcludedReason, expected.ExternalId, expected.Number, expected.HostedUrl, expected.IssuedAt, expected.PaidAt),
            (actual.Status, actual.ExcludedReason, actual.ExternalId, actual.Number, actual.HostedUrl, actual.IssuedAt, actual.PaidAt));
        Assert.Equal((expected.LastPaymentEventAt, expected.RemindersSent, expected.LastReminderAt, expected.Version, expected.Total),
            (actual.LastPaymentEventAt, actual.RemindersSent, actual.LastReminderAt, actual.Version, actual.Total));
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.Usage, actual.Usage);
        Assert.Empty(actual.PendingEvents);
    }

    private static Task<IReadOnlyList<OutboxMessage>> OutboxAsync(StoreSet stores) =>
        stores.Outbox.LeaseDueAsync(Build.Now.AddYears(1), TimeSpan.FromMinutes(1), 100, default);

    [StoreFact]
    public async Task AddDraft_ThenFind_GivesBackEveryFieldExactly()
    {
        await using var stores = await adapter.CreateAsync();
        var (dinar, yen) = (Dinar(), Yen(runId: Guid.NewGuid()));

        Assert.True(await stores.Invoices.AddDraftAsync(Acme, dinar, default));
        Assert.True(await stores.Invoices.AddDraftAsync(Acme, yen, default));

        var read = await stores.Invoices.FindAsync(Acme, dinar.Id, default);
        AssertSame(dinar, read);
        Assert.Equal(Enum.GetValues<LineKind>(), read!.Lines.Select(l => l.Rated.Kind));
        Assert.Equal(("Ada Admin", "Late onboarding call", -0.005m), (read.Lines[^1].AddedBy, read.Lines[^1].Reason, read.Lines[^1].Amount));
        Assert.Equal((44.133m, 1.238m, "KWD", 3), (read.Total, read.Credits, read.Currency.Code, read.Currency.MinorUnits));
        Assert.Equal(["12.375", "0.500", "0.3335", "0.0001"],
            new[] { read.Lines[0].Amount, read.Lines[1].Amount, read.Lines[1].Rated.UnitPrice!.Value, read.Usage[2].Quantity }.Select(Text));
        var readYen = await stores.Invoices.FindAsync(Acme, yen.Id, default);
        AssertSame(yen, readYen);
        Assert.Equal((1_245_067m, 3_500.123456m, 0), (readYen!.Total, readYen.Lines[1].Rated.UnitPrice, readYen.Currency.MinorUnits));
    }

    private static string Text(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    [StoreFact]
    public async Task Save_AnIssuedRemindedPaidInvoice_GivesBackEveryField()
    {
        await using var stores = await adapter.CreateAsync();
        var invoice = Dinar();
        await stores.Invoices.AddDraftAsync(Acme, invoice, default);
        var read = invoice.Version;

        Issue(invoice, "in_1");
        invoice.Remind(1, 4, new DateOnly(2027, 1, 21), Build.Now.AddDays(40));
        invoice.Apply(new PaymentEvent("evt_1", PaymentEventKind.PaymentFailed, "in_1", Build.Now.AddDays(41), null, "Card declined"));
        invoice.Apply(new PaymentEvent("evt_2", PaymentEventKind.Paid, "in_1", Build.Now.AddDays(42), 44_133));
        await stores.Invoices.SaveAsync(Acme, invoice, read, default);

        AssertSame(invoice, await stores.Invoices.FindAsync(Acme, invoice.Id, default));
        Assert.Equal((InvoiceStatus.Paid, new DateOnly(2026, 12, 31), 1, Build.Now.AddDays(42)),
            (invoice.Status, invoice.DueDate, invoice.RemindersSent, invoice.PaidAt));
        AssertSame(invoice, await stores.Invoices.FindByExternalIdAsync("in_1", default));
        Assert.Null(await stores.Invoices.FindByExternalIdAsync("in_2", default));
    }

    [StoreFact]
    public async Task Save_AnExcludedDraft_KeepsWhy()
    {
        await using var stores = await adapter.CreateAsync();
        var invoice = Yen();
        await stores.Invoices.AddDraftAsync(Acme, invoice, default);

        invoice.Exclude("Free pilot month");
        await stores.Invoices.SaveAsync(Acme, invoice, 1, default);

        var read = await stores.Invoices.FindAsync(Acme, invoice.Id, default);
        AssertSame(invoice, read);
        Assert.Equal((InvoiceStatus.Excluded, "Free pilot month", 2L), (read!.Status, read.ExcludedReason, read.Version));
    }

    [StoreFact]
    public async Task AddDraft_TwiceForARunAndTenant_AnswersFalseAndWritesNothing()
    {
        await using var stores = await adapter.CreateAsync();
        var first = Dinar();
        await stores.Invoices.AddDraftAsync(Acme, first, default);
        var second = Yen(runId: first.RunId);
        Issue(second, "in_9");

        Assert.False(await stores.Invoices.AddDraftAsync(Acme, second, default));

        Assert.Null(await stores.Invoices.FindAsync(Acme, second.Id, default));
        Assert.Null(await stores.Invoices.FindByExternalIdAsync("in_9", default));
        AssertSame(first, Assert.Single((await stores.Invoices.ListAsync(new InvoiceFilter(RunId: first.RunId), 10, null, default)).Items));
        Assert.Equal(0, await stores.Outbox.CountUndeliveredAsync(default));
        Assert.Single(second.PendingEvents);
        Assert.True(await stores.Invoices.AddDraftAsync(Globex, Dinar("globex", first.RunId), default));
    }

    [StoreFact]
    public async Task Save_WritesThePendingEventsToTheOutbox_AndClearsThem()
    {
        await using var stores = await adapter.CreateAsync();
        var invoice = Dinar();
        await stores.Invoices.AddDraftAsync(Acme, invoice, default);

        Issue(invoice, "in_1");
        await stores.Invoices.SaveAsync(Acme, invoice, 2, default);

        Assert.Empty(invoice.PendingEvents);
        var message = Assert.Single(await OutboxAsync(stores));
        Assert.Equal(("acme", "billing.invoice-issued"), (message.TenantId, message.Type));
        var issued = Assert.IsType<InvoiceIssued>(EventSerializer.FromMessage(message));
        Assert.Equal((invoice.Id, "BO-in_1", 44.133m, 1.238m, "KWD", new DateOnly(2026, 12, 31)),
            (issued.InvoiceId, issued.Number, issued.Total, issued.Credits, issued.Currency, issued.DueDate));
    }

    [StoreFact]
    public async Task Save_FromAStaleVersion_ConflictsAndWritesNeitherChangeNorEvents()
    {
        await using var stores = await adapter.CreateAsync();
        var invoice = Dinar();
        await stores.Invoices.AddDraftAsync(Acme, invoice, default);
        var stale = (await stores.Invoices.FindAsync(Acme, invoice.Id, default))!;
        invoice.Exclude("Left in November");
        await stores.Invoices.SaveAsync(Acme, invoice, 2, default);

        Issue(stale, "in_1");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Invoices.SaveAsync(Acme, stale, 2, default));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stores.Invoices.SaveAsync(Acme, Yen(), 1, default));

        AssertSame(invoice, await stores.Invoices.FindAsync(Acme, invoice.Id, default));
        Assert.Null(await stores.Invoices.FindByExternalIdAsync("in_1", default));
        Assert.Equal(0, await stores.Outbox.CountUndeliveredAsync(default));
        Assert.Single(stale.PendingEvents);
    }

    [StoreFact]
    public async Task AnotherTenantsScope_SeesNoInvoice_AndCannotWriteOne()
    {
        await using var stores = await adapter.CreateAsync();
        var acme = Dinar();
        await stores.Invoices.AddDraftAsync(Acme, acme, default);
        var globex = Yen("globex", acme.RunId);
        await stores.Invoices.AddDraftAsync(Globex, globex, default);

        Assert.Null(await stores.Invoices.FindAsync(Globex, acme.Id, default));
        Assert.Equal([globex.Id], (await stores.Invoices.ListForTenantAsync(Globex, false, 10, null, default)).Items.Select(i => i.Id));
        Assert.Equal([acme.Id], (await stores.Invoices.ListForTenantAsync(Acme, false, 10, null, default)).Items.Select(i => i.Id));
        acme.Exclude("Sneaky");
        await Assert.ThrowsAsync<TenantIsolationException>(() => stores.Invoices.SaveAsync(Globex, acme, 2, default));
        await Assert.ThrowsAsync<TenantIsolationException>(() => stores.Invoices.AddDraftAsync(Globex, Dinar("acme"), default));

        Assert.Equal(InvoiceStatus.Draft, (await stores.Invoices.FindAsync(Acme, acme.Id, default))!.Status);
        Assert.Single((await stores.Invoices.ListForTenantAsync(Acme, false, 10, null, default)).Items);
    }
}
