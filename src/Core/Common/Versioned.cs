namespace BackOffice.Core.Common;

/// <summary>Optimistic concurrency: the version a caller read, checked before any change is applied.</summary>
public static class Versioned
{
    public static void Require(long? expectedVersion, long currentVersion, string what)
    {
        if (expectedVersion is null) throw new PreconditionRequiredException();
        if (expectedVersion.Value != currentVersion) throw new ConcurrencyConflictException(what);
    }
}
