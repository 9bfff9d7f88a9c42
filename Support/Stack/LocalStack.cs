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
        Uri Loopback() => new($"http://127.0.0.1:{FreePort.Next()}");
        var llm = Loopback();
        var idp = Loopback();
        var auth = Loopback();
        var backend = Loopback();
        // A short port, so the website's origin has a valid look-alike (one more digit) for the origin check to refuse.
        var frontend = new Uri($"http://127.0.0.1:{FreePort.NextShort()}");
        Endpoints = new ServiceEndpoints(auth, backend, frontend, llm);

        var serviceSecret = ServiceSecret = Secret();
        var origins = $"{frontend.GetLeftPart(UriPartial.Authority)},{frontend.GetLeftPart(UriPartial.Authority).Replace("127.0.0.1", "localhost")}";
        var data = Path.Combine(RunDirectory, "data");

        _runId = runId;
        _orphanGuard = OrphanGuard.Start(runId);

        ServiceProcess Service(string name, string project, Uri url, Dictionary<string, string> environment)
        {
            environment["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/');
            environment["DOTNET_NOLOGO"] = "1";
            // Many short-lived services share two cores: skip profile-guided JIT instrumentation
            // and use the workstation GC, which start faster and use less CPU here.
            environment["DOTNET_TieredPGO"] = "0";
            environment["DOTNET_gcServer"] = "0";
            // Keep methods as first compiled: the services' own code and packages are ReadyToRun (stack/Directory.Build.targets),
            // the rest at its first, quick JIT. A test service lives a minute, and recompiling hot methods for speed costs it
            // more CPU than it saves (a third of a service's start-up CPU, measured).
            environment["DOTNET_TC_CallCounting"] = "0";
            var service = new ServiceProcess(name, url,
                ProgramCommand.DotnetService(name, Path.Combine(artifacts, project, project + ".dll"), environment, runId), LogPath(name));
            _services.Add(service);
            return service;
        }

        Service("llm-provider", "Netra.LlmProvider", llm, new());
        var idpClientSecret = Secret();
        if (withGoogle)
            Service("identity-provider", "Netra.IdentityProvider", idp, new()
            {
                ["IDP_CLIENT_ID"] = "netra-auth",
                ["IDP_CLIENT_SECRET"] = idpClientSecret,
                ["IDP_REDIRECT_URIS"] = $"{Url(auth)}/auth/callback",
                ["IDP_DB_PATH"] = Path.Combine(data, "idp.db"),
            });
        var (database, databaseUrl) = await PostgresServer.CreateAsync("database", runId, LogPath("database"), cancellationToken);
        DatabaseUrl = databaseUrl;
        _services.Add(database);
        var authEnvironment = new Dictionary<string, string>
        {
            ["JWT_SECRET_KEY"] = JwtSecret,
            ["SERVICE_SECRET"] = serviceSecret,
            ["AUTH_DB_PATH"] = Path.Combine(data, "auth.db"),
            // Argon2id at 1 MiB and one pass instead of 19 MiB and two: a run hashes hundreds of passwords on two cores.
            ["PASSWORD_HASH_MEMORY_KIB"] = "1024",
            ["PASSWORD_HASH_PASSES"] = "1",
            // Give up on a user event the platform keeps refusing after 3 tries (1 s + 2 s of backoff), not 5.
            ["USER_EVENT_ATTEMPTS"] = "3",
            ["BACKEND_URL"] = Url(backend),
            ["FRONTEND_URL"] = Url(frontend),
            ["ALLOWED_ORIGINS"] = origins,
            ["LOGIN_LOCKOUT_MINUTES"] = "0.15", // 9 s, so the lockout scenario sees it pass without waiting minutes
        };
        if (withGoogle)
        {
            authEnvironment["GOOGLE_AUTHORITY"] = Url(idp);
            authEnvironment["GOOGLE_CLIENT_ID"] = "netra-auth";
            authEnvironment["GOOGLE_CLIENT_SECRET"] = idpClientSecret;
            authEnvironment["AUTH_PUBLIC_URL"] = Url(auth);
        }
        Service("auth", "Netra.Auth", auth, authEnvironment);
        Service("backend", "Netra.Backend", backend, new Dictionary<string, string>
        {
            ["JWT_SECRET_KEY"] = JwtSecret,
            ["SERVICE_SECRET"] = serviceSecret,
            ["DATABASE_URL"] = databaseUrl,
            ["AUTH_URL"] = Url(auth),
            ["LLM_BASE_URL"] = Url(llm),
            ["LLM_API_KEY"] = "acceptance-" + runId,
            ["ALLOWED_ORIGINS"] = origins,
            ["TOKEN_CHECK_CACHE_SECONDS"] = "0.5", // revocations reach the backend within moments
            ["TOKEN_RECHECK_SECONDS"] = "0.5",
        }.With(TestStackTuning.BackendEnvironment));
        Service("frontend", "Netra.Frontend", frontend, new()
        {
            ["AUTH_URL"] = Url(auth),
            ["BACKEND_URL"] = Url(backend),
        });

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
