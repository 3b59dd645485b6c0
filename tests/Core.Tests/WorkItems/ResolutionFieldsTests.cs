using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Core.WorkItems.ResolveWorkItem;

namespace BackOffice.Core.Tests.WorkItems;

public sealed class ResolutionFieldsTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Agent = new("a", "Alex", new HashSet<string> { Roles.Agent }, "p");

    private static (IReadOnlyDictionary<string, string> Values, FieldErrors Errors) Check(string type, Dictionary<string, string?> values)
    {
        var errors = new FieldErrors();
        return (ResolutionFields.Check(type, values, errors), errors);
    }

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(FieldErrors errors) =>
        Assert.Throws<ValidationException>(errors.ThrowIfAny).Errors;

    [Fact]
    public void Check_OfEveryTypesExample_PassesAsIs()
    {
        foreach (var type in Enum.GetValues<ServiceLine>().SelectMany(WorkTypes.Of).Distinct())
        {
            var (values, errors) = Check(type, ResolutionFields.Example(type, Today));
            Assert.True(errors.IsEmpty, type);
            Assert.Equal(ResolutionFields.For(type).Count, values.Count);
        }
    }

    [Fact]
    public void Check_WithoutARequiredField_NamesItUnderFields()
    {
        var (_, errors) = Check("shipment", new() { ["expectedDelivery"] = "2026-12-03" });

        Assert.Equal(["fields.shippedOn"], ErrorsOf(errors).Keys);
    }

    [Theory]
    [InlineData("shipment", "shippedOn", "03/12/2026", "yyyy-MM-dd")]
    [InlineData("fulfilment", "parcels", "0", "whole number")]
    [InlineData("fulfilment", "parcels", "two", "whole number")]
    [InlineData("return", "goodsCondition", "broken", "as-new, damaged, unsellable")]
    [InlineData("customer-invoice", "sentTo", "not an address", "e-mail address")]
    [InlineData("vendor-bill", "paymentReference", "two\nlines", "single line")]
    public void Check_OfABadValue_SaysWhatIsExpectedBesideTheField(string type, string field, string value, string expected)
    {
        var example = ResolutionFields.Example(type, Today);
        example[field] = value;

        var (_, errors) = Check(type, example);

        Assert.Contains(expected, Assert.Single(ErrorsOf(errors)["fields." + field]));
    }

    [Fact]
    public void Check_OfAFieldTheTypeDoesNotHave_IsRefused_AndGeneralWorkTakesNone()
    {
        var example = ResolutionFields.Example("shipment", Today);
        example["colour"] = "red";

        Assert.Contains("shippedOn", Assert.Single(ErrorsOf(Check("shipment", example).Errors)["fields.colour"]));
        Assert.Contains("no resolution fields", Assert.Single(ErrorsOf(Check("general", new() { ["note"] = "x" }).Errors)["fields.note"]));
    }

    [Fact]
    public void Check_TrimsText_AndWritesNumbersPlainly_AndSkipsBlankOptionalFields()
    {
        var (values, errors) = Check("fulfilment", new() { ["parcels"] = " 0003 " });
        var (shipment, _) = Check("shipment", new() { ["shippedOn"] = "2026-12-01", ["expectedDelivery"] = " " });

        Assert.True(errors.IsEmpty);
        Assert.Equal("3", values["parcels"]);
        Assert.False(shipment.ContainsKey("expectedDelivery"));
    }

    [Fact]
    public void Of_AResolvedItem_GivesItsTypedFields_WithoutTheOutcomeOrTheComment()
    {
        var item = WorkItem.Submit(TenantScope.ForWorker("acme"), new NewWorkItem(ServiceLine.Orders, "shipment", Priority.P3, "Ship", "Ship it"),
            new Actor("c", "Cleo", new HashSet<string> { Roles.ClientUser }, "d"), Now);
        item.Claim(Agent, Now, Now.AddMinutes(30));
        Assert.Empty(ResolutionFields.Of(item));

        item.Resolve(Agent, "Shipped", Now, new Dictionary<string, string?> { ["orderId"] = Guid.NewGuid().ToString(), ["shippedOn"] = "2026-12-01" });

        Assert.Equal(new Dictionary<string, string> { ["shippedOn"] = "2026-12-01" }, ResolutionFields.Of(item));
    }
}
