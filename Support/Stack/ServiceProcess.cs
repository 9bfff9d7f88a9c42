using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Netra.Acceptance.Support.Stack;

/// <summary>How to start one program of the stack: what to run, where, with which environment.</summary>
public sealed record ProgramCommand(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment, string MissingMessage)
{
    /// <summary>A built .NET service, run as <c>dotnet &lt;dll&gt;</c> from its own folder.</summary>
    public static ProgramCommand DotnetService(string name, string dll, IReadOnlyDictionary<string, string> environment, string runMarker) =>
        new("dotnet", [dll, RunMarkerArgument(runMarker)], Path.GetDirectoryName(dll)!, environment,
            File.Exists(dll) ? "" : $"The {name} service is not built: {dll} is missing. Run `dotnet build` at the repository root first.");

    /// <summary>How to start it with its output and input redirected to the caller.</summary>
    public ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo(FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = WorkingDirectory,
        };
        foreach (var argument in Arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in Environment) start.Environment[key] = value;
        return start;
    }

    /// <summary>Marks a process as this run's, so the orphan guard can find it if the test host dies.</summary>
    public static string RunMarkerArgument(string runMarker) => $"--acceptance-run={runMarker}";
}

/// <summary>
/// One service of the reference stack running as a child process: its output kept (a file per
/// service plus the last lines in memory for failure evidence), ready when its probe says so,
/// stopped gracefully with its stop signal and killed if it does not go.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const int TailCapacity = 400;

    private readonly ProgramCommand _command;
    private readonly Func<CancellationToken, Task<string?>> _readinessProbe;
    private readonly int _stopSignal;
    private readonly Queue<string> _tail = new();
    private readonly StreamWriter _logFile;
    private Process? _process;

    /// <param name="readinessProbe">null when the service is ready, otherwise what is still wrong; defaults to GET /health answering 2xx.</param>
    /// <param name="stopSignal">the signal that asks the program to shut down cleanly (SIGTERM for ASP.NET Core).</param>
    public ServiceProcess(string name, Uri url, ProgramCommand command, string logPath,
        Func<CancellationToken, Task<string?>>? readinessProbe = null, int stopSignal = SigTerm)
    {
        Name = name;
        Url = url;
        _command = command;
        _readinessProbe = readinessProbe ?? HealthEndpointAnswers;
        _stopSignal = stopSignal;
        LogPath = logPath;
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        _logFile = new StreamWriter(logPath, append: true) { AutoFlush = true };
    }

    public const int SigInt = 2;
    public const int SigTerm = 15;

    public string Name { get; }
    public Uri Url { get; }
    private string LogPath { get; }
    public bool HasExited => _process is null || _process.HasExited;

    public void Start()
    {
        if (_command.MissingMessage.Length > 0) throw new InvalidOperationException(_command.MissingMessage);

        var start = _command.StartInfo();
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Record($"[harness] started {Name} (pid {_process.Id}) on {Url}");
    }

    /// <summary>Waits until the readiness probe passes; fails early, with the service's output, if it exits.</summary>
    public Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitUntilAsync(_readinessProbe, "healthy", timeout, cancellationToken);

    /// <summary>Waits until GET /health/ready answers 2xx: the service and what it depends on (its database) can serve.</summary>
    public Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitUntilAsync(ct => Answers2xx("/health/ready", ct), "ready", timeout, cancellationToken);

    private async Task WaitUntilAsync(Func<CancellationToken, Task<string?>> probe, string state, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? lastProblem = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            if (HasExited)
                throw new InvalidOperationException(
                    $"The {Name} service exited during startup (exit code {_process?.ExitCode}). Its last output:\n{Tail(40)}");
            lastProblem = await probe(cancellationToken);
            if (lastProblem is null) return;
            // Polling another process: there is no event to wait on.
            await Task.Delay(50, cancellationToken);
        }
        throw new TimeoutException(
            $"The {Name} service at {Url} did not become {state} within {timeout.TotalSeconds:0}s ({lastProblem}). Its last output:\n{Tail(40)}");
    }

    private static readonly HttpClient HealthClient = new() { Timeout = TimeSpan.FromSeconds(2) };

    private Task<string?> HealthEndpointAnswers(CancellationToken cancellationToken) => Answers2xx("/health", cancellationToken);

    private async Task<string?> Answers2xx(string path, CancellationToken cancellationToken)
    {
        var health = new Uri(Url, path);
        try
        {
            using var response = await HealthClient.GetAsync(health, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"{health} answered {(int)response.StatusCode}";
        }
        catch (HttpRequestException e) { return e.Message; }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { return $"{health} timed out"; }
    }

    /// <summary>The last lines the service wrote (standard output and error, interleaved).</summary>
    public string Tail(int lines = 60)
    {
        lock (_tail) return string.Join('\n', _tail.Skip(Math.Max(0, _tail.Count - lines)));
    }

    /// <summary>True once the service has logged a trace id (the Netra services do; PostgreSQL and the stand-ins do not).</summary>
    public bool WritesTraces { get; private set; }

    /// <summary>
    /// Every line the service wrote for one trace (<c>trace=&lt;id&gt;</c>, and the indented lines of an exception
    /// under it), in order, from its whole log: one scenario's lines, whatever ran beside it.
    /// </summary>
    public IReadOnlyList<string> LinesOfTrace(string traceId)
    {
        var marker = $"trace={traceId}";
        var lines = new List<string>();
        lock (_tail)
        {
            using var log = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            var following = false;
            while (log.ReadLine() is { } line)
            {
                following = line.Contains(marker, StringComparison.Ordinal) || (following && line.StartsWith("    ", StringComparison.Ordinal));
                if (following) lines.Add(line);
            }
        }
        return lines;
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
        // The program's own clean shutdown (SIGTERM for ASP.NET Core); Process.Kill would be SIGKILL.
        _ = Kill(_process.Id, _stopSignal);
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
            if (!WritesTraces && line.Contains(" trace=", StringComparison.Ordinal)) WritesTraces = true;
            _tail.Enqueue(line);
            while (_tail.Count > TailCapacity) _tail.Dequeue();
            try { _logFile.WriteLine(line); } catch (ObjectDisposedException) { /* output after the run ended */ }
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
