using BackOffice.Core.Common;
using BackOffice.Core.Finance.Metering;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;

namespace BackOffice.Core.Tests.Finance;

public sealed class MetersTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Agent = new("agent-1", "Agent 1", new HashSet<string> { Roles.Agent }, "p");

    public static TheoryData<ServiceLine, string> TypedWork()
    {
        var data = new TheoryData<ServiceLine, string>();
        foreach (var line in Enum.GetValues<ServiceLine>())
            foreach (var type in WorkTypes.Of(line).Where(t => t != WorkTypes.General)) data.Add(line, type);
        return data;
    }

    [Theory]
    [MemberData(nameof(TypedWork))]
    public void EveryTypedWorkType_CountsOnAMeterOfItsOwn_InItsLine(ServiceLine line, string type)
    {
        var meter = Meters.ForWorkType(type);

        Assert.Equal((type, (ServiceLine?)line), (meter.WorkType, meter.Line));
        Assert.NotEqual(Meter.GeneralWork, meter.Meter);
    }

    [Fact]
    public void GeneralWork_AndAnUnknownType_CountOnGeneralWork()
    {
        Assert.Equal(Meter.GeneralWork, Meters.ForWorkType(WorkTypes.General).Meter);
        Assert.Equal(Meter.GeneralWork, Meters.ForWorkType("not-a-type").Meter);
    }

    [Fact]
    public void TheCatalogue_HasEveryMeterOnce_AndEachTypedMeterAWorkTypeThatExists()
    {
        Assert.Equal(Enum.GetValues<Meter>(), Meters.All.Select(m => m.Meter));
        Assert.All(Meters.All.Where(m => m.Meter != Meter.GeneralWork),
            m => Assert.Contains(m.WorkType, WorkTypes.Of(m.Line!.Value)));
    }

    private static WorkItem Resolved(string type, IReadOnlyDictionary<string, string?>? outcome = null)
    {
        var line = Meters.ForWorkType(type).Line ?? ServiceLine.Hr;
        var item = WorkItem.Submit(TenantScope.ForWorker("acme"), new NewWorkItem(line, type, Priority.P2, "Work", "Details"), Agent, Now);
        item.Claim(Agent, Now, Now.AddHours(1));
        item.Resolve(Agent, "Done", Now, outcome);
        return item;
    }

    private static decimal UnitsOf(WorkItem item) =>
        ResolutionUsage.Of(item.PendingEvents.OfType<WorkItemResolved>().Single(), "Etc/UTC", Now)!.Quantity;

    [Theory]
    [InlineData("4", 4)]
    [InlineData("1", 1)]
    [InlineData("0", 1)]
    [InlineData("many", 1)]
    [InlineData(null, 1)]
    public void AShipment_IsAsManyUnitsAsTheOrderLinesItsResolutionRecorded(string? lines, int units)
    {
        var outcome = lines is null ? null : new Dictionary<string, string?> { ["orderLines"] = lines, ["orderStatus"] = "shipped" };

        Assert.Equal(units, UnitsOf(Resolved("shipment", outcome)));
    }

    [Fact]
    public void OtherWork_IsOneUnit_WhateverItsOutcomeSays() =>
        Assert.Equal(1m, UnitsOf(Resolved("fulfilment", new Dictionary<string, string?> { ["orderLines"] = "9" })));

    [Fact]
    public void Describe_UsesTheUnitForOne_AndTheUnitsForAnyOtherQuantity()
    {
        Assert.Equal("1 order line", Meters.Describe(Meter.OrderLineShipped, 1));
        Assert.Equal("2.5 items", Meters.Describe(Meter.GeneralWork, 2.5m));
    }

    [Fact]
    public void Parse_TakesTheKebabName_AndNamesTheFieldOtherwise()
    {
        var errors = new FieldErrors();

        Assert.Equal(Meter.OrderLineShipped, Meters.Parse(errors, "meter", "order-line-shipped"));
        Assert.Null(Meters.Parse(errors, "meter", "coffee"));
        Assert.Equal(["meter"], Assert.Throws<ValidationException>(errors.ThrowIfAny).Errors.Keys);
    }
}
