using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Netra.Launcher;

/// <summary>A running service: its process, with every output line prefixed by the service's name.</summary>
public sealed class ChildService(ServiceSpec spec, Process process)
{
    public ServiceSpec Spec { get; } = spec;
    public Process Process { get; } = process;
    public bool HasExited => SafeHasExited(Process);

    public static ChildService Start(ServiceSpec spec, string dll, string dotnetHost, ConsoleWriter console)
    {
        var psi = new ProcessStartInfo(dotnetHost)
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        psi.Environment["ASPNETCORE_URLS"] = spec.Url;
        foreach (var (key, value) in spec.Environment) psi.Environment[key] = value;

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) console.ServiceLine(spec.Name, e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) console.ServiceLine(spec.Name, e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildService(spec, process);
    }

    /// <summary>Asks the service to stop (SIGTERM, so ASP.NET Core shuts down cleanly), then kills it after a grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (HasExited) return;
        if (!OperatingSystem.IsWindows() && kill(Process.Id, SIGTERM) == 0)
        {
            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await Process.WaitForExitAsync(timeout.Token);
                return;
            }
            catch (OperationCanceledException)
            {
                // fall through to a hard kill
            }
        }
        try
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    /// <summary>Last resort (process exit, unhandled error): no waiting.</summary>
    public void KillNow()
    {
        try
        {
            if (!HasExited) Process.Kill(entireProcessTree: true);
        }
        catch (Exception)
        {
            // best effort
        }
    }

    private static bool SafeHasExited(Process p)
    {
        try { return p.HasExited; }
        catch (InvalidOperationException) { return true; }
    }

    private const int SIGTERM = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
