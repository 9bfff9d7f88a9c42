namespace Netra.Acceptance.Support.Stack;

/// <summary>
/// Everything the suite's scenarios and its stack read from the environment, in one place, so the README's table and
/// the code cannot drift apart. The report formatters run outside the scenarios' container and read their own few
/// (NETRA_NOTIFY_WEBHOOK, NETRA_REPORT_URL, NETRA_SHARD: <c>Support/Reports/</c>).
/// </summary>
public sealed record SuiteSettings
{
    public string? AuthUrl { get; init; }
    public string? BackendUrl { get; init; }
    public string? FrontendUrl { get; init; }

    /// <summary>The HS256 key of the environment; only known for a stack the suite started, or when given.</summary>
    public string? JwtSecret { get; init; }

    /// <summary>The LLM provider stand-in the attached backend uses, with WireMock's admin interface (NETRA_LLM_PROVIDER_URL).</summary>
    public string? LlmProviderUrl { get; init; }

    /// <summary>The environment's service secret, for the auth service's admin calls such as plan changes (NETRA_SERVICE_SECRET).</summary>
    public string? ServiceSecret { get; init; }

    /// <summary>How long the attached backend waits for the LLM provider (NETRA_LLM_TIMEOUT_SECONDS; its LLM_TIMEOUT_SECONDS).</summary>
    public TimeSpan? LlmTimeout { get; init; }

    /// <summary>
    /// The domain of every email address the suite makes up (NETRA_TEST_EMAIL_DOMAIN, default example.test), so
    /// operators can find and purge what a run against their environment created.
    /// </summary>
    public string TestEmailDomain { get; init; } = "example.test";

    /// <summary>What the environment is, as its operator says (NETRA_ENVIRONMENT: e.g. staging, production).</summary>
    public string? EnvironmentKind { get; init; }

    /// <summary>Marked as production: only the @smoke scenarios run (the rest are refused, saying why).</summary>
    public bool IsProduction => string.Equals(EnvironmentKind, "production", StringComparison.OrdinalIgnoreCase);

    /// <summary>The published performance targets and the bounded load that measures them (NETRA_TARGET_*_MS, NETRA_LOAD_CUSTOMERS).</summary>
    public Performance.PerformanceTargets Targets { get; init; } = new();

    /// <summary>Lets the performance feature put its bounded load on an environment marked as production (NETRA_ALLOW_LOAD=1).</summary>
    public bool AllowLoad { get; init; }

    public string BrowserPath { get; init; } = "/usr/bin/chromium";
    public bool Headed { get; init; }

    /// <summary>Where run evidence goes (service logs, failure evidence).</summary>
    public string ResultsDirectory { get; init; } = "";

    /// <summary>How long a service may take to become healthy.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>True when the suite drives an environment somebody else started.</summary>
    public bool IsAttached => AuthUrl is not null || BackendUrl is not null || FrontendUrl is not null;

    /// <summary>The folder that holds PostgreSQL's initdb and postgres (NETRA_POSTGRES_BIN), when not Debian's own.</summary>
    public static string? PostgresBinaries => Environment.GetEnvironmentVariable("NETRA_POSTGRES_BIN") is { Length: > 0 } folder ? folder : null;

    public static SuiteSettings FromEnvironment()
    {
        static string? Get(string name) =>
            Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value.TrimEnd('/') : null;

        var settings = new SuiteSettings
        {
            AuthUrl = Get("NETRA_AUTH_URL"),
            BackendUrl = Get("NETRA_BACKEND_URL"),
            FrontendUrl = Get("NETRA_FRONTEND_URL"),
            JwtSecret = Get("NETRA_JWT_SECRET"),
            LlmProviderUrl = Get("NETRA_LLM_PROVIDER_URL"),
            ServiceSecret = Get("NETRA_SERVICE_SECRET"),
            LlmTimeout = double.TryParse(Get("NETRA_LLM_TIMEOUT_SECONDS"), System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out var llmTimeout) && llmTimeout > 0 ? TimeSpan.FromSeconds(llmTimeout) : null,
            TestEmailDomain = Get("NETRA_TEST_EMAIL_DOMAIN")?.TrimStart('@') ?? "example.test",
            EnvironmentKind = Get("NETRA_ENVIRONMENT"),
            Targets = Performance.PerformanceTargets.FromEnvironment(Get),
            AllowLoad = Get("NETRA_ALLOW_LOAD") is "1" or "true",
            BrowserPath = Get("NETRA_BROWSER_PATH") ?? "/usr/bin/chromium",
            Headed = Get("NETRA_HEADED") is "1" or "true",
            ResultsDirectory = Get("NETRA_RESULTS_DIR") ?? Path.Combine(RepositoryRoot.Find(), "TestResults", "netra"),
        };

        if (settings.IsAttached && (settings.AuthUrl is null || settings.BackendUrl is null || settings.FrontendUrl is null))
            throw new InvalidOperationException(
                "To drive an existing environment set all three of NETRA_AUTH_URL, NETRA_BACKEND_URL and NETRA_FRONTEND_URL " +
                "(or none of them, and the suite starts the reference stack itself).");

        return settings;
    }
}
