using System.Diagnostics;

namespace Netra.Launcher;

/// <summary>
/// The backend's PostgreSQL database for local development: a cluster in the data folder
/// (created with initdb on first use, kept between runs) served on a loopback port by pg_ctl,
/// from the machine's Debian packages. Not used when DATABASE_URL points elsewhere.
/// </summary>
public sealed class LocalPostgres(string dataDir, int port, ConsoleWriter console)
{
    private const string User = "netra";
    private const string Database = "netra_backend";
    private readonly string _cluster = Path.Combine(dataDir, "postgres");
    private readonly string _bin = Binaries();
    private bool _started;

    public string DatabaseUrl => $"postgresql://{User}@127.0.0.1:{port}/{Database}";

    public async Task StartAsync()
    {
        if (!File.Exists(Path.Combine(_cluster, "PG_VERSION")))
        {
            console.Info($"creating the backend's PostgreSQL cluster in {_cluster}");
            Directory.CreateDirectory(dataDir);
            if (IsRoot && !OperatingSystem.IsWindows()) File.SetUnixFileMode(dataDir, (UnixFileMode)Convert.ToInt32("1777", 8)); // the postgres user writes here
            await RunAsync("initdb", ["-D", _cluster, "-U", User, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"]);
            await RunAsync("postgres", ["--single", "-D", _cluster, "postgres"], $"CREATE DATABASE {Database};\n");
        }
        console.Info($"starting PostgreSQL on 127.0.0.1:{port}");
        await RunAsync("pg_ctl", ["start", "-w", "-D", _cluster, "-l", Path.Combine(dataDir, "postgres.log"),
            "-o", $"-p {port} -k '' -c listen_addresses=127.0.0.1"]);
        _started = true;
    }

    public async Task StopAsync()
    {
        if (!_started) return;
        await RunAsync("pg_ctl", ["stop", "-m", "fast", "-D", _cluster]);
        console.Info("PostgreSQL stopped");
    }

    private static bool IsRoot => Environment.UserName == "root";

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, string? input = null)
    {
        // PostgreSQL refuses to run as root: as root, run it as the packages' postgres user.
        var start = IsRoot ? new ProcessStartInfo("setpriv") : new ProcessStartInfo(Path.Combine(_bin, program));
        if (IsRoot) foreach (var a in new[] { "--reuid=postgres", "--regid=postgres", "--init-groups", "--", Path.Combine(_bin, program) }) start.ArgumentList.Add(a);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.RedirectStandardInput = start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null) await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed (exit code {process.ExitCode}): {await output}{await errors}");
    }

    private static string Binaries() =>
        (Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderDescending()
            : Enumerable.Empty<string>())
        .FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")))
        ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (the backend keeps its data in it): apt-get install -y postgresql, or set DATABASE_URL.");
}
