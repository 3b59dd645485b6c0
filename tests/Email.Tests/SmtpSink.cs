using System.Diagnostics;
using MimeKit;

namespace BackOffice.Email.Tests;

/// <summary>
/// npm's smtp-server (installed by .ci/run into .ci/tools; installed here if missing) run by node as a real SMTP server on a free
/// loopback port. Each message it accepts lands in <see cref="Folder"/>; the server stops when the fixture is disposed.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    public const string Version = "3.21.6";
    private readonly Process _node;

    public SmtpSink()
    {
        var root = RepositoryRoot();
        var tools = Path.Combine(root, ".ci", "tools");
        if (!File.Exists(Path.Combine(tools, "node_modules", "smtp-server", "package.json"))) Install(tools);
        Folder = Directory.CreateTempSubdirectory("backoffice-smtp-").FullName;
        var start = new ProcessStartInfo("node", [Path.Combine(root, "tests", "Email.Tests", "smtp-sink.cjs"), Folder])
        {
            RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        start.Environment["NODE_PATH"] = Path.Combine(tools, "node_modules");
        _node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var line = _node.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The SMTP server did not start.");
        Port = int.Parse(line["listening ".Length..]);
    }

    public string Folder { get; }

    public int Port { get; }

    /// <summary>The messages the server accepted so far, in arrival order.</summary>
    public IReadOnlyList<MimeMessage> Received() =>
        Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();

    private static void Install(string tools)
    {
        using var npm = Process.Start(new ProcessStartInfo("npm", $"install --prefix \"{tools}\" --no-audit --no-fund --loglevel=error smtp-server@{Version}")
            { UseShellExecute = false }) ?? throw new InvalidOperationException("npm did not start: install smtp-server with .ci/run first.");
        npm.WaitForExit();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BackOffice.Saas.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (BackOffice.Saas.sln) was not found above the test binaries.");
    }

    public void Dispose()
    {
        try { _node.StandardInput.Close(); if (!_node.WaitForExit(5_000)) _node.Kill(); }
        finally { _node.Dispose(); Directory.Delete(Folder, recursive: true); }
    }
}
