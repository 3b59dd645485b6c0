using BackOffice.Core.Common;
using BackOffice.Storage.Cosmos;

namespace BackOffice.Storage.Tests.Cosmos;

public sealed class ContentionTests
{
    [Fact]
    public void Count_AllowsTheMaximumOfAttempts_AndTheNextIsAConflictNamingTheOperation()
    {
        var attempts = 0;
        for (var i = 0; i < Contention.MaxAttempts; i++) Contention.Count(ref attempts, "user.save");

        var refused = Assert.Throws<ConcurrencyConflictException>(() => Contention.Count(ref attempts, "user.save"));

        Assert.Contains("user.save", refused.Message);
    }
}
