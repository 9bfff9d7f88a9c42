using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Netra.Acceptance.Support.Stack;

/// <summary>
/// One service of the reference stack running as a child process: started from its built dll,
/// its output kept (a file per service plus the last lines in memory for failure evidence),
/// stopped gracefully with SIGTERM and killed if it does not go.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const int TailCapacity = 400;

    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _runMarker;
    private readonly Queue<string> _tail = new();
    private readonly StreamWriter _logFile;
    private Process? _process;

    public ServiceProcess(string name, Uri url, string dll, IReadOnlyDictionary<string, string> environment, string logPath, string runMarker)
    {
        Name = name;
        Url = url;
        _dll = dll;
        _environment = environment;
        _runMarker = runMarker;
        LogPath = logPath;
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        _logFile = new StreamWriter(logPath, append: true) { AutoFlush = true };
    }

    public string Name { get; }
    public Uri Url { get; }
    public string LogPath { get; }
    public bool HasExited => _process is null || _process.HasExited;

    public void Start()
    {
        if (!File.Exists(_dll))
            throw new InvalidOperationException(
                $"The {Name} service is not built: {_dll} is missing. Run `dotnet build` at the repository root first.");

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
        };
        start.ArgumentList.Add(_dll);
        // Marks the process as this run's, so the orphan guard can find it if the test host dies.
        start.ArgumentList.Add($"--acceptance-run={_runMarker}");
        foreach (var (key, value) in _environment) start.Environment[key] = value;

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Record($"[harness] started {Name} (pid {_process.Id}) on {Url}");
    }

    /// <summary>Waits until /health answers 200; fails early, with the service's output, if it exits.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        var health = new Uri(Url, "/health");
        string lastProblem = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            if (HasExited)
                throw new InvalidOperationException(
                    $"The {Name} service exited during startup (exit code {_process?.ExitCode}). Its last output:\n{Tail(40)}");
            try
            {
                using var response = await http.GetAsync(health, cancellationToken);
                if (response.IsSuccessStatusCode) return;
                lastProblem = $"health answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException e) { lastProblem = e.Message; }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { lastProblem = "health check timed out"; }
            // Polling a health endpoint: there is no event to wait on across processes.
            await Task.Delay(50, cancellationToken);
        }
        throw new TimeoutException(
            $"The {Name} service did not become healthy at {health} within {timeout.TotalSeconds:0}s ({lastProblem}). Its last output:\n{Tail(40)}");
    }

    /// <summary>The last lines the service wrote (standard output and error, interleaved).</summary>
    public string Tail(int lines = 60)
    {
        lock (_tail) return string.Join('\n', _tail.Skip(Math.Max(0, _tail.Count - lines)));
    }

    /// <summary>Kills the service outright (SIGKILL), as a crash would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        Record($"[harness] {Name} killed");
    }

    /// <summary>Starts the service again on the same address with the same data, and waits for its health.</summary>
    public async Task RestartAsync(TimeSpan timeout)
    {
        if (!HasExited) throw new InvalidOperationException($"The {Name} service is still running; stop or kill it before restarting it.");
        _process?.Dispose();
        Start();
        await WaitUntilHealthyAsync(timeout);
    }

    public async Task StopAsync(TimeSpan grace)
    {
        if (_process is null || _process.HasExited) return;
        // SIGTERM lets ASP.NET Core shut down cleanly; Process.Kill would be SIGKILL.
        _ = Kill(_process.Id, Signal.Term);
        using var timeout = new CancellationTokenSource(grace);
        try { await _process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            Record($"[harness] {Name} did not stop within {grace.TotalSeconds:0}s; killing it");
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        Record($"[harness] {Name} stopped (exit code {_process.ExitCode})");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5));
        _process?.Dispose();
        lock (_tail) _logFile.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > TailCapacity) _tail.Dequeue();
            try { _logFile.WriteLine(line); } catch (ObjectDisposedException) { /* output after the run ended */ }
        }
    }

    private enum Signal { Term = 15 }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, Signal signal);
}
