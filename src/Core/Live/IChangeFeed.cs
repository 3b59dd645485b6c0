namespace BackOffice.Core.Live;

/// <summary>Carries <see cref="ChangeSignal"/>s to the open pages of this process.</summary>
public interface IChangeFeed
{
    void Publish(ChangeSignal signal);

    /// <summary>Hears the signals of one tenant, or of every tenant when <paramref name="tenantId"/> is null (provider boards).</summary>
    /// <returns>Dispose to stop hearing them.</returns>
    IDisposable Subscribe(string? tenantId, Func<ChangeSignal, Task> onSignal);
}
