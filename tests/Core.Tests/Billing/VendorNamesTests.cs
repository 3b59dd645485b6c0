using BackOffice.Core.Billing;

namespace BackOffice.Core.Tests.Billing;

public sealed class VendorNamesTests
{
    [Theory]
    [InlineData("Acme Paper Ltd", "  ACME   paper, LTD. ")]
    [InlineData("Acme Paper Ltd", "Acmé-Paper Ltd")]
    [InlineData("Müller Straße GmbH", "MULLER STRASSE gmbh")]
    [InlineData("ＡＣＭＥ", "acme")]
    public void Key_IsTheSame_HoweverTheNameIsTyped(string name, string typed) => Assert.Equal(VendorNames.Key(name), VendorNames.Key(typed));

    [Fact]
    public void Key_TellsDifferentNamesApart() => Assert.NotEqual(VendorNames.Key("Acme Paper"), VendorNames.Key("Acme Pulp"));
}
