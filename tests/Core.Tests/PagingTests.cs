using BackOffice.Core.Common;

namespace BackOffice.Core.Tests;

public sealed class PagingTests
{
    [Fact]
    public void Keyset_WalksAListInKeyOrder_WithoutRepeatsOrGaps_EvenWhenItemsAreAddedBetweenPages()
    {
        var items = new List<string> { "b", "d", "a", "e", "c" };

        var first = Paging.Keyset(items, s => s, descending: true, 2, null);
        items.Add("f");
        var second = Paging.Keyset(items, s => s, descending: true, 2, first.NextCursor);
        var third = Paging.Keyset(items, s => s, descending: true, 2, second.NextCursor);
        var ascending = Paging.Keyset(items, s => s, descending: false, 4, null);

        Assert.Equal(["e", "d", "c", "b", "a"], first.Items.Concat(second.Items).Concat(third.Items));
        Assert.Null(third.NextCursor);
        Assert.Equal(["a", "b", "c", "d"], ascending.Items);
        Assert.NotNull(ascending.NextCursor);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("ZQ")]
    [InlineData("!!")]
    public void Keyset_WithACursorItDidNotHandOut_RefusesItNamingCursor(string cursor)
    {
        var error = Assert.Throws<ValidationException>(() => Paging.Keyset(["a", "b"], s => s, descending: false, 1, cursor));

        Assert.Equal(["cursor"], error.Errors.Keys);
    }
}
