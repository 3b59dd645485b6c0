using BackOffice.Core.Common;

namespace BackOffice.Storage.Cosmos;

/// <summary>
/// Optimistic writes that lost a race read again and retry; this bounds those retries, so a document that never stops moving
/// (or a bug that never converges) ends in a conflict the caller can report instead of a loop without end.
/// </summary>
internal static class Contention
{
    public const int MaxAttempts = 100;

    /// <summary>Counts one more attempt at <paramref name="operation"/>; past <see cref="MaxAttempts"/>, a conflict.</summary>
    public static void Count(ref int attempts, string operation)
    {
        if (++attempts > MaxAttempts)
            throw new ConcurrencyConflictException($"{operation} lost the race to other writers {MaxAttempts} times in a row");
    }
}
