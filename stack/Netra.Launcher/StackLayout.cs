namespace Netra.Launcher;

/// <summary>One service of the stack: its project, the port the launcher gives it and its environment.</summary>
public sealed record ServiceSpec(string Name, string Project, int Port, IReadOnlyDictionary<string, string> Environment)
{
    public string Url => $"http://localhost:{Port}";
}

/// <summary>Where things are (relative to the launcher's own dll) and how the services are wired together.</summary>
public sealed class StackLayout
{
    // Fixed development secrets, so tokens survive a restart of the stack. Override them through the environment.
    private const string DevJwtSecret = "netra-dev-jwt-secret-not-for-production-0123456789";
    private const string DevServiceSecret = "netra-dev-service-secret-not-for-production";

    public StackLayout()
    {
        // The launcher itself runs from artifacts/stack/Netra.Launcher/.
        StackDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, ".."));
        DataDir = Path.GetFullPath(Path.Combine(StackDir, "..", "data"));
    }

    public string StackDir { get; }
    public string DataDir { get; }

    /// <summary>The backend's database: DATABASE_URL if set, otherwise the launcher's own PostgreSQL (<see cref="LocalPostgres"/>).</summary>
    public string? ExternalDatabaseUrl { get; } = Env("DATABASE_URL");

    public const int PostgresPort = 5433;

    public string DatabaseUrl { get; set; } = "";

    public string DllPath(ServiceSpec s) => Path.Combine(StackDir, s.Project, s.Project + ".dll");

    /// <summary>The services in start order: each one's dependencies come before it.</summary>
    public IReadOnlyList<ServiceSpec> Services()
    {
        const int llmPort = 8090, authPort = 8001, backendPort = 8000, frontendPort = 3000, idpPort = 8091;
        var idp = $"http://localhost:{idpPort}";
        const string idpClientId = "netra-auth", idpClientSecret = "netra-dev-idp-secret-not-for-production";
        var llm = $"http://localhost:{llmPort}";
        var auth = $"http://localhost:{authPort}";
        var backend = $"http://localhost:{backendPort}";
        var frontend = $"http://localhost:{frontendPort}";
        var origins = $"{frontend},http://127.0.0.1:{frontendPort}";
        var jwt = Env("JWT_SECRET_KEY") ?? DevJwtSecret;
        var serviceSecret = Env("SERVICE_SECRET") ?? DevServiceSecret;

        return
        [
            new("llm", "Netra.LlmProvider", llmPort, new Dictionary<string, string>()),
            new("idp", "Netra.IdentityProvider", idpPort, new Dictionary<string, string>
            {
                ["IDP_CLIENT_ID"] = idpClientId,
                ["IDP_CLIENT_SECRET"] = idpClientSecret,
                ["IDP_REDIRECT_URIS"] = $"{auth}/auth/callback",
                ["IDP_DB_PATH"] = Path.Combine(DataDir, "idp.db"),
            }),
            new("auth", "Netra.Auth", authPort, new Dictionary<string, string>
            {
                ["JWT_SECRET_KEY"] = jwt,
                ["SERVICE_SECRET"] = serviceSecret,
                ["AUTH_DB_PATH"] = Path.Combine(DataDir, "auth.db"),
                ["BACKEND_URL"] = backend,
                ["FRONTEND_URL"] = frontend,
                ["ALLOWED_ORIGINS"] = origins,
                ["GOOGLE_AUTHORITY"] = idp,
                ["GOOGLE_CLIENT_ID"] = idpClientId,
                ["GOOGLE_CLIENT_SECRET"] = idpClientSecret,
                ["AUTH_PUBLIC_URL"] = auth,
            }),
            new("backend", "Netra.Backend", backendPort, new Dictionary<string, string>
            {
                ["JWT_SECRET_KEY"] = jwt,
                ["SERVICE_SECRET"] = serviceSecret,
                ["DATABASE_URL"] = DatabaseUrl,
                ["AUTH_URL"] = auth,
                ["ALLOWED_ORIGINS"] = origins,
                ["LLM_BASE_URL"] = llm,
                ["LLM_API_KEY"] = Env("LLM_API_KEY") ?? "netra-dev-llm-key",
            }),
            new("frontend", "Netra.Frontend", frontendPort, new Dictionary<string, string>
            {
                ["AUTH_URL"] = auth,
                ["BACKEND_URL"] = backend,
            }),
        ];
    }

    private static string? Env(string name) =>
        System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
}
