using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Netra.Launcher;

var layout = new StackLayout();
layout.DatabaseUrl = layout.ExternalDatabaseUrl ?? $"postgresql://netra@127.0.0.1:{StackLayout.PostgresPort}/netra_backend";
var services = layout.Services();

if (args.Any(a => a is "--help" or "-h" or "-?" or "/?"))
{
    PrintHelp();
    return 0;
}
if (args.Length > 0)
{
    Console.Error.WriteLine($"Unknown option '{args[0]}'.\n");
    PrintHelp();
    return 2;
}

var console = new ConsoleWriter();

var missing = services.Where(s => !File.Exists(layout.DllPath(s))).ToList();
if (missing.Count > 0)
{
    foreach (var s in missing) console.Error($"missing {layout.DllPath(s)} ({s.Name})");
    console.Error("Build the stack first: dotnet build stack/Netra.Stack.slnx");
    return 1;
}
var busy = services.Where(s => !PortIsFree(s.Port)).ToList();
if (busy.Count > 0)
{
    foreach (var s in busy) console.Error($"port {s.Port} (needed by {s.Name}) is already in use; is another stack running?");
    return 1;
}
Directory.CreateDirectory(layout.DataDir);

var children = new List<ChildService>();
var shutdown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
// Cancel = true: we stop the children ourselves before exiting.
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
using var sighup = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);
// If we die some other way, take the children with us.
AppDomain.CurrentDomain.ProcessExit += (_, _) => { lock (children) children.ForEach(c => c.KillNow()); };

var exitCode = 0;
LocalPostgres? postgres = null;
try
{
    var started = System.Diagnostics.Stopwatch.StartNew();
    // The services do not need each other to start (each answers /health without the others, and the backend without
    // its database), so the database and every service start side by side, and each is seen healthy as soon as it is.
    Task database = Task.CompletedTask;
    if (layout.ExternalDatabaseUrl is null)
    {
        postgres = new LocalPostgres(layout.DataDir, StackLayout.PostgresPort, console);
        database = postgres.StartAsync();
    }
    var dotnet = DotnetHost();
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
    var healthy = new List<Task<string?>>();
    foreach (var spec in services)
    {
        console.Info($"starting {spec.Name} ({spec.Project}) on {spec.Url}");
        var child = ChildService.Start(spec, layout.DllPath(spec), dotnet, console);
        lock (children) children.Add(child);
        healthy.Add(WaitUntilHealthyAsync(child, http, TimeSpan.FromSeconds(30)));
    }
    await database;
    var problems = (await Task.WhenAll(healthy)).OfType<string>().ToList();
    if (shutdown.Task.IsCompleted) return 0; // finally stops what was started
    if (problems.Count > 0)
    {
        problems.ForEach(console.Error);
        return exitCode = 1;
    }
    console.Info(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the stack is up in {started.Elapsed.TotalSeconds:0.00} s"));
    PrintTable();

    // Run until a signal, or until a service dies on its own.
    var exits = children.Select(c => c.Process.WaitForExitAsync()).ToList();
    var first = await Task.WhenAny(exits.Append(shutdown.Task));
    if (first != shutdown.Task)
    {
        await Task.Delay(300); // Ctrl-C reaches the children too; give our own handler the chance to run first
        if (!shutdown.Task.IsCompleted)
        {
            var dead = children.First(c => c.HasExited);
            console.Error($"{dead.Spec.Name} exited with code {dead.Process.ExitCode}; stopping the stack");
            exitCode = 1;
        }
    }
    return exitCode;
}
finally
{
    if (children.Count > 0)
    {
        console.Info("stopping services...");
        foreach (var child in Enumerable.Reverse(children)) await child.StopAsync(TimeSpan.FromSeconds(5));
        console.Info("all services stopped");
    }
    if (postgres is not null) await postgres.StopAsync();
}

void OnSignal(PosixSignalContext ctx)
{
    ctx.Cancel = true;
    shutdown.TrySetResult();
}

async Task<string?> WaitUntilHealthyAsync(ChildService child, HttpClient http, TimeSpan limit)
{
    var deadline = DateTime.UtcNow + limit;
    var health = $"http://127.0.0.1:{child.Spec.Port}/health";
    while (DateTime.UtcNow < deadline && !shutdown.Task.IsCompleted)
    {
        if (child.HasExited)
            return $"{child.Spec.Name} exited with code {child.Process.ExitCode} before answering {health}";
        try
        {
            using var response = await http.GetAsync(health);
            if (response.IsSuccessStatusCode)
            {
                console.Info($"{child.Spec.Name} is healthy");
                return null;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // not listening yet
        }
        await Task.WhenAny(Task.Delay(20), shutdown.Task); // readiness is seen within 20 ms of being true
    }
    return shutdown.Task.IsCompleted ? null : $"{child.Spec.Name} did not answer {health} with 200 within {limit.TotalSeconds:0} s";
}

void PrintTable()
{
    var frontend = services.Single(s => s.Name == "frontend");
    console.Raw("");
    console.Raw("  Netra stack is running");
    console.Raw("");
    console.Raw($"  {"service",-19}{"url",-26}project");
    foreach (var s in Enumerable.Reverse(services))
        console.Raw($"  {s.Name,-19}{s.Url,-26}{s.Project}");
    console.Raw("");
    console.Raw($"  data:  {layout.DataDir}");
    console.Raw($"  open {frontend.Url}/signup");
    console.Raw("  Ctrl-C stops everything.");
    console.Raw("");
}

void PrintHelp()
{
    Console.WriteLine("""
        Netra.Launcher: starts the Netra reference stack for local development.

        Usage: dotnet run --project stack/Netra.Launcher [-- --help]

        Starts each service from artifacts/stack/ with `dotnet <Project>.dll`, in this order, and waits
        for its GET /health before starting the next:
        """);
    foreach (var s in services) Console.WriteLine($"  {s.Name,-19}{s.Project,-24}{s.Url}");
    Console.WriteLine($"""

        Every output line is prefixed with the service's name. Ctrl-C or SIGTERM stops all services.
        Databases live in {layout.DataDir}.
        The backend's PostgreSQL database runs from {layout.DataDir}/postgres on port {StackLayout.PostgresPort}
        (Debian's postgresql package; created on first run), unless DATABASE_URL points elsewhere.
        JWT_SECRET_KEY, SERVICE_SECRET and LLM_API_KEY, if set, replace the built-in development values.
        `dotnet run` builds the services first; otherwise build with: dotnet build stack/Netra.Stack.slnx
        """);
}

static bool PortIsFree(int port)
{
    try
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        listener.Stop();
        return true;
    }
    catch (SocketException)
    {
        return false;
    }
}

// The dotnet host running this launcher, so the services use the same runtime.
static string DotnetHost()
{
    var self = Environment.ProcessPath;
    if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        return self;
    return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
