using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BackOffice.Platform.Tests;

/// <summary>
/// One instance of the platform's host in a process of its own (`dotnet BackOffice.Host.dll`), running the roles it is
/// given on a shared data folder, as a Container App replica would. Its output is kept for the failure message.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(string name, Process process, Uri address) => (Name, _process, Address) = (name, process, address);

    public string Name { get; }

    public Uri Address { get; }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public bool HasExited => _process.HasExited;

    public static HostProcess Start(string name, string roles, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var dll = HostDll();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        env["Platform__Roles"] = roles;
        env["Logging__LogLevel__Default"] = "Warning";
        env["Telemetry__Exporter"] = "none";
        foreach (var (key, value) in settings) env[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var host = new HostProcess(name, process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until the instance answers its readiness probe (migrated, store reachable).</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Name} was not ready within {timeout}:\n{Output}");
    }

    /// <summary>Stops the process at once, as a crash or an evicted replica does: no shutdown, nothing settled.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Freezes the process (SIGSTOP): what it holds stays held, as in a hung replica.</summary>
    public void Freeze() => Signal("STOP");

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The host built next to this test assembly's configuration: src/Host/bin/{Configuration}/net10.0/BackOffice.Host.dll.</summary>
    private static string HostDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "BackOffice.Saas.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("The repository root (BackOffice.Saas.sln) is not above the test assembly.");
        var dll = Path.Combine(root.FullName, "src", "Host", "bin", configuration, here.Name, "BackOffice.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Host first.", dll);
    }
}
