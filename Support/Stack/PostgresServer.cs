using System.Diagnostics;
using System.Net.Sockets;

namespace Netra.Acceptance.Support.Stack;

/// <summary>
/// A PostgreSQL server of one stack's own (the backend's database), from the machine's Debian
/// packages, on a free loopback port. Each server is a copy of a template cluster made once with
/// initdb, so a stack gets its database in milliseconds; the copy is deleted with the stack.
/// Tuned for tests: no fsync, no Unix socket. Stopped with SIGINT, PostgreSQL's fast shutdown,
/// so open connections do not hold it up.
/// </summary>
public static class PostgresServer
{
    public const string User = "netra";
    public const string Database = "netra_backend";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);

    /// <summary>The database as a service of the stack, and the DATABASE_URL its client uses.</summary>
    public static async Task<(ServiceProcess Service, string DatabaseUrl)> CreateAsync(
        string name, string runMarker, string logPath, CancellationToken cancellationToken)
    {
        var binaries = Binaries();
        var template = await TemplateAsync(binaries, cancellationToken);
        var dataDirectory = Path.Combine(WorkRoot(), $"{runMarker}-{name}");
        await RunAsync("cp", ["-a", template, dataDirectory], cancellationToken);

        var port = FreePort.Next();
        var url = new Uri($"postgresql://127.0.0.1:{port}");
        var command = AsDatabaseOwner(Path.Combine(binaries, "postgres"),
        [
            "-D", dataDirectory, "-p", port.ToString(), "-k", "",
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off", "-c", "shared_buffers=32MB",
            // The orphan guard finds this server by the run marker, as it finds the .NET services.
            "-c", $"acceptance.run={runMarker}",
        ], dataDirectory);
        var service = new ServiceProcess(name, url, command, logPath, PortAccepts(port), ServiceProcess.SigInt);
        return (service, $"postgresql://{User}@127.0.0.1:{port}/{Database}");
    }

    /// <summary>Where this run's servers keep their data (for the orphan guard to clean up).</summary>
    public static string DataPattern(string runMarker) => Path.Combine(WorkRoot(), $"{runMarker}-*");

    /// <summary>Deletes a server's data folder once it has stopped.</summary>
    public static void DeleteData(string runMarker, string name)
    {
        var folder = Path.Combine(WorkRoot(), $"{runMarker}-{name}");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private static Func<CancellationToken, Task<string?>> PortAccepts(int port) => async ct =>
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, ct);
            return null;
        }
        catch (SocketException e) { return e.Message; }
    };

    /// <summary>
    /// The cluster every server copies: created with initdb the first time, then kept (like a build
    /// cache) in the temporary folder, one per PostgreSQL version.
    /// </summary>
    private static async Task<string> TemplateAsync(string binaries, CancellationToken cancellationToken)
    {
        var version = new DirectoryInfo(binaries).Parent?.Name ?? "pg";
        var template = Path.Combine(WorkRoot(), $"template-{version}");
        await TemplateLock.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(Path.Combine(template, "PG_VERSION"))) return template;
            var building = template + $".building-{Environment.ProcessId}";
            if (Directory.Exists(building)) Directory.Delete(building, recursive: true);
            await RunAsync(AsDatabaseOwner(Path.Combine(binaries, "initdb"),
                ["-D", building, "-U", User, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions"],
                WorkRoot()), cancellationToken);
            // Single-user mode creates the backend's database without starting a server.
            await RunAsync(AsDatabaseOwner(Path.Combine(binaries, "postgres"), ["--single", "-D", building, "-F", "postgres"], WorkRoot()),
                cancellationToken, standardInput: $"CREATE DATABASE {Database};\n");
            try { Directory.Move(building, template); }
            catch (IOException) when (File.Exists(Path.Combine(template, "PG_VERSION")))
            {
                // Another test run made the template meanwhile; use theirs.
                Directory.Delete(building, recursive: true);
            }
            return template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    /// <summary>PostgreSQL refuses to run as root: as root, run it as the packages' postgres user.</summary>
    private static ProgramCommand AsDatabaseOwner(string program, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var environment = new Dictionary<string, string> { ["LC_ALL"] = "C.UTF-8" };
        return Environment.UserName == "root"
            ? new ProgramCommand("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", program, .. arguments],
                workingDirectory, environment, "")
            : new ProgramCommand(program, arguments, workingDirectory, environment, "");
    }

    /// <summary>Where clusters live: the temporary folder, which the postgres user can reach (a home folder may not be).</summary>
    private static string WorkRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "netra-acceptance-postgres");
        if (!Directory.Exists(root))
        {
            Directory.CreateDirectory(root);
            // Everyone may create a cluster here (the postgres user among them), as in /tmp itself.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(root, (UnixFileMode)Convert.ToInt32("1777", 8));
        }
        return root;
    }

    /// <summary>Runs SQL against a database of a server started here (psql, as its owner; stops at the first error).</summary>
    public static Task ExecuteAsync(string databaseUrl, string sql, CancellationToken cancellationToken = default) =>
        RunAsync(new ProgramCommand(Path.Combine(Binaries(), "psql"), [databaseUrl, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql],
            Path.GetTempPath(), new Dictionary<string, string>(), ""), cancellationToken);

    private static string Binaries()
    {
        var configured = SuiteSettings.PostgresBinaries;
        var candidates = configured is not null
            ? [configured]
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                    .Select(d => Path.Combine(d, "bin")).ToArray()
                : Array.Empty<string>();
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "postgres")))
               ?? throw new InvalidOperationException(
                   "PostgreSQL is not installed, and the backend keeps its data in PostgreSQL. " +
                   "Install it with `apt-get install -y postgresql` (./acceptance does this for you), " +
                   "or set NETRA_POSTGRES_BIN to the folder that holds initdb and postgres.");
    }

    private static Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(new ProgramCommand(program, arguments, Path.GetTempPath(), new Dictionary<string, string>(), ""), cancellationToken);

    private static async Task RunAsync(ProgramCommand command, CancellationToken cancellationToken, string? standardInput = null)
    {
        var start = command.StartInfo();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        if (standardInput is not null) await process.StandardInput.WriteAsync(standardInput);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"`{command.FileName} {string.Join(' ', command.Arguments)}` failed (exit code {process.ExitCode}):\n{await output}\n{await errors}");
    }
}
