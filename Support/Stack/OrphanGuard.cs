using System.Diagnostics;

namespace Netra.Acceptance.Support.Stack;

/// <summary>
/// A tiny watchdog shell that outlives nothing: if the test host dies without running its
/// after-run hooks (killed, crashed, CI timeout), it terminates every service of this run, found
/// by the run marker on their command line. A normal run stops the services itself and then
/// ends the watchdog.
/// </summary>
public sealed class OrphanGuard : IDisposable
{
    private readonly Process? _watchdog;

    private OrphanGuard(Process? watchdog) => _watchdog = watchdog;

    public static OrphanGuard Start(string runMarker)
    {
        // "[=]" keeps the pattern from matching the watchdog's own command line.
        var script = $$"""
            host={{Environment.ProcessId}}
            while kill -0 "$host" 2>/dev/null; do sleep 1; done
            pkill -TERM -f -- 'acceptance[.-]run[=]{{runMarker}}'
            sleep 5
            pkill -KILL -f -- 'acceptance[.-]run[=]{{runMarker}}'
            rm -rf {{PostgresServer.DataPattern(runMarker)}}
            """;
        try
        {
            var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardInput = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script);
            return new OrphanGuard(Process.Start(start));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No POSIX shell (not this project's platform): the after-run hook still stops everything.
            return new OrphanGuard(null);
        }
    }

    public void Dispose()
    {
        if (_watchdog is { HasExited: false }) _watchdog.Kill();
        _watchdog?.Dispose();
    }
}
