namespace BackOffice.Core.Live;

/// <summary>A signal as the shared log keeps it: its place in the log and the instance that published it.</summary>
public sealed record LoggedSignal(long Position, string Origin, ChangeSignal Signal);

/// <summary>
/// The change signals of every instance, in the store they all share, so a page open on one Portal instance hears what an
/// API or worker instance changed. Positions only grow, in the order the signals were saved.
/// </summary>
public interface IChangeSignalLog
{
    Task AppendAsync(string origin, IReadOnlyList<ChangeSignal> signals, CancellationToken ct);

    /// <summary>Up to <paramref name="max"/> signals after <paramref name="position"/>, oldest first.</summary>
    Task<IReadOnlyList<LoggedSignal>> ReadAfterAsync(long position, int max, CancellationToken ct);

    /// <summary>The position of the newest signal (0 when there is none): where a starting instance begins to listen.</summary>
    Task<long> LastPositionAsync(CancellationToken ct);

    /// <returns>How many signals saved before <paramref name="before"/> were deleted.</returns>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct);
}
