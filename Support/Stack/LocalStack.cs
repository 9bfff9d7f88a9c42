using System.Security.Cryptography;

namespace Netra.Acceptance.Support.Stack;

/// <summary>
/// The reference stack, started by the suite: the built services from artifacts/stack/ and a
/// PostgreSQL server for the backend, on free loopback ports, each with fresh data. It knows them
/// only as dlls to start and URLs to call (docs/stack-interface.md), never as code.
/// </summary>
public sealed class LocalStack : IAsyncDisposable
{
    private readonly List<ServiceProcess> _services = [];
    private OrphanGuard? _orphanGuard;
    private string? _runId;

    private LocalStack(string runDirectory, string jwtSecret)
    {
        RunDirectory = runDirectory;
        JwtSecret = jwtSecret;
    }

    public string RunDirectory { get; }
    public string JwtSecret { get; }
    public string ServiceSecret { get; private set; } = "";

    /// <summary>The backend's PostgreSQL database (DATABASE_URL), for scenarios that direct it (PlatformDatabaseFaults).</summary>
    public string DatabaseUrl { get; private set; } = "";
    public ServiceEndpoints Endpoints { get; private set; } = null!;
    public IReadOnlyList<ServiceProcess> Services => _services;

    /// <summary>One service by its name: llm-provider, identity-provider, database, auth, backend or frontend.</summary>
    public ServiceProcess Service(string name) =>
        _services.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"The stack has no service '{name}'; it has {string.Join(", ", _services.Select(s => s.Name))}.");

    /// <summary>How long the stack took from the first process started to every service healthy and the backend ready.</summary>
    public TimeSpan StartedIn { get; private set; }

    /// <param name="withGoogle">false leaves out the Google stand-in (and Google sign-in): a stack for
    /// features that do not use it starts faster.</param>

    public static async Task<LocalStack> StartAsync(SuiteSettings settings, bool withGoogle = true, CancellationToken cancellationToken = default)
    {
        var runId = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss") + "-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
        var runDirectory = Path.Combine(settings.ResultsDirectory, "runs", runId);
        Directory.CreateDirectory(runDirectory);

        var stack = new LocalStack(runDirectory, Secret());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await stack.StartServicesAsync(runId, settings, withGoogle, cancellationToken);
            stack.StartedIn = clock.Elapsed;
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    private async Task StartServicesAsync(string runId, SuiteSettings settings, bool withGoogle, CancellationToken cancellationToken)
    {
        var artifacts = Path.Combine(RepositoryRoot.Find(), "artifacts", "stack");
        var description = StackDescription.Read();
        // Free loopback ports; the website's a short one, so its origin has a valid look-alike (one more digit) for the origin check to refuse.
        var urls = description.Names.ToDictionary(name => name, name => new Uri($"http://127.0.0.1:{(name == "frontend" ? FreePort.NextShort() : FreePort.Next())}"));
        var (auth, backend, frontend) = (urls["auth"], urls["backend"], urls["frontend"]);
        Endpoints = new ServiceEndpoints(auth, backend, frontend, urls["llm-provider"]);

        ServiceSecret = Secret();
        var secrets = new Dictionary<string, string>
        {
            ["jwt"] = JwtSecret, ["service"] = ServiceSecret, ["idp-client"] = Secret(), ["llm-key"] = "acceptance-" + runId,
        };
        var website = frontend.GetLeftPart(UriPartial.Authority);
        var origins = $"{website},{website.Replace("127.0.0.1", "localhost")}";
        var data = Path.Combine(RunDirectory, "data");

        _runId = runId;
        _orphanGuard = OrphanGuard.Start(runId);

        // The backend's PostgreSQL comes first: its address is in the backend's environment.
        var (database, databaseUrl) = await PostgresServer.CreateAsync("database", runId, LogPath("database"), cancellationToken);
        DatabaseUrl = databaseUrl;
        _services.Add(database);

        string Fill(string kind, string? name) => kind switch
        {
            "url" => Url(urls[name!]),
            "secret" => secrets[name!],
            "origins" => origins,
            "data" => data,
            "database-url" => databaseUrl,
            _ => throw new InvalidDataException($"stack/stack.json: no such placeholder {{{kind}}}"),
        };

        foreach (var described in description.Services(withGoogle, Fill))
        {
            var environment = described.Environment.With(TestStackTuning.EnvironmentOf(described.Name));
            environment["ASPNETCORE_URLS"] = Url(urls[described.Name]);
            environment["DOTNET_NOLOGO"] = "1";
            // Many short-lived services share two cores: skip profile-guided JIT instrumentation
            // and use the workstation GC, which start faster and use less CPU here.
            environment["DOTNET_TieredPGO"] = "0";
            environment["DOTNET_gcServer"] = "0";
            // Keep methods as first compiled: the services' own code and packages are ReadyToRun (stack/Directory.Build.targets),
            // the rest at its first, quick JIT. A test service lives a minute, and recompiling hot methods for speed costs it
            // more CPU than it saves (a third of a service's start-up CPU, measured).
            environment["DOTNET_TC_CallCounting"] = "0";
            _services.Add(new ServiceProcess(described.Name, urls[described.Name],
                ProgramCommand.DotnetService(described.Name, Path.Combine(artifacts, described.Project, described.Project + ".dll"), environment, runId),
                LogPath(described.Name)));
        }

        // All ports are known up front, so the services start side by side.
        foreach (var service in _services) service.Start();
        await Task.WhenAll(_services.Select(s => s.WaitUntilHealthyAsync(settings.StartupTimeout, cancellationToken)));
        // The backend answers /health before its database does; scenarios start once it is ready.
        await this.Service("backend").WaitUntilReadyAsync(settings.StartupTimeout, cancellationToken);
    }

    private string LogPath(string service) => Path.Combine(RunDirectory, "logs", service + ".log");

    public async ValueTask DisposeAsync()
    {
        // Stop in reverse order of dependency, all at once; each gets a grace period.
        await Task.WhenAll(_services.AsEnumerable().Reverse().Select(s => s.DisposeAsync().AsTask()));
        if (_runId is not null) PostgresServer.DeleteData(_runId, "database");
        _orphanGuard?.Dispose();
    }

    private static string Url(Uri uri) => uri.ToString().TrimEnd('/');

    private static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
}
