using BackOffice.Core.Finance.Issuing;

namespace BackOffice.Storage.Tests.Contracts;

/// <summary>The issuer's payment events handled: each id recorded once, however often and however concurrently it arrives.</summary>
public abstract class PaymentEventLogContract(IStoreAdapter adapter)
{
    private static PaymentEvent Paid(string id) => new(id, PaymentEventKind.Paid, "in_1", Build.Now, 12_345);

    [StoreFact]
    public async Task Record_ANewEvent_IsTrue_AndThenSeen()
    {
        await using var stores = await adapter.CreateAsync();

        Assert.False(await stores.PaymentEvents.SeenAsync("evt_1", default));
        Assert.True(await stores.PaymentEvents.RecordAsync(Paid("evt_1"), "applied", Build.Now.AddSeconds(2), default));

        Assert.True(await stores.PaymentEvents.SeenAsync("evt_1", default));
        Assert.False(await stores.PaymentEvents.SeenAsync("evt_2", default));
    }

    [StoreFact]
    public async Task Record_TheSameEventAgain_IsFalse()
    {
        await using var stores = await adapter.CreateAsync();
        await stores.PaymentEvents.RecordAsync(Paid("evt_1"), "applied", Build.Now, default);

        var replay = Paid("evt_1") with { Kind = PaymentEventKind.Voided };
        var again = await stores.PaymentEvents.RecordAsync(replay, "stale", Build.Now.AddHours(1), default);

        Assert.False(again);
        Assert.True(await stores.PaymentEvents.RecordAsync(Paid("evt_2"), "applied", Build.Now, default));
    }

    [StoreFact]
    public async Task Record_TheSameEventConcurrently_IsTrueExactlyOnce()
    {
        await using var stores = await adapter.CreateAsync();

        var recorded = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(n => Task.Run(() => stores.PaymentEvents.RecordAsync(Paid("evt_1"), $"replay {n}", Build.Now.AddSeconds(n), default))));

        Assert.Single(recorded, r => r);
        Assert.True(await stores.PaymentEvents.SeenAsync("evt_1", default));
    }
}
