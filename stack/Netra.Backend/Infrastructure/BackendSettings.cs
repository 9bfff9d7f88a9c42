namespace Netra.Backend.Infrastructure;

/// <summary>
/// Everything the backend reads from its environment (see docs/stack-interface.md).
/// Built once at startup; a missing or unusable JWT secret stops the process.
/// </summary>
public sealed record BackendSettings
{
    public const int MinimumSecretLength = 32;

    public required string JwtSecretKey { get; init; }
    public string? ServiceSecret { get; init; }
    /// <summary>Npgsql connection string of the backend's PostgreSQL database (from DATABASE_URL).</summary>
    public required string DatabaseConnectionString { get; init; }
    public string? AuthUrl { get; init; }
    public required IReadOnlyList<string> AllowedOrigins { get; init; }
    public required string LlmBaseUrl { get; init; }
    public string? LlmApiKey { get; init; }
    public required string LlmModel { get; init; }
    public required TimeSpan LlmTimeout { get; init; }

    /// <summary>The window over which chat messages are counted (RATE_LIMIT_WINDOW_SECONDS, default 60).</summary>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Chat messages per window by plan (RATE_LIMIT_FREE/EARLY/MID/ENTERPRISE, defaults 10/30/60/300).</summary>
    public IReadOnlyDictionary<string, int> PlanLimits { get; init; } = DefaultPlanLimits;

    public static readonly IReadOnlyDictionary<string, int> DefaultPlanLimits =
        new Dictionary<string, int> { ["free"] = 10, ["early"] = 30, ["mid"] = 60, ["enterprise"] = 300 };

    /// <summary>Reads the settings; returns an error text instead when the process must not start.</summary>
    public static BackendSettings? Load(IConfiguration config, string contentRoot, out string? error)
    {
        error = null;
        var secret = config["JWT_SECRET_KEY"];
        if (string.IsNullOrEmpty(secret))
        {
            error = "JWT_SECRET_KEY is not set. The backend validates access tokens itself and cannot start without the HS256 secret shared with the auth service.";
            return null;
        }
        if (secret.Length < MinimumSecretLength)
        {
            error = $"JWT_SECRET_KEY is {secret.Length} characters long; at least {MinimumSecretLength} are required for HS256.";
            return null;
        }

        var timeoutSeconds = 15.0;
        if (double.TryParse(config["LLM_TIMEOUT_SECONDS"], System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out var t) && t > 0)
            timeoutSeconds = t;

        var window = 60.0;
        if (double.TryParse(config["RATE_LIMIT_WINDOW_SECONDS"], System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out var w) && w > 0)
            window = w;
        var planLimits = new Dictionary<string, int>();
        foreach (var (plan, fallback) in DefaultPlanLimits)
        {
            var raw = config[$"RATE_LIMIT_{plan.ToUpperInvariant()}"];
            if (string.IsNullOrWhiteSpace(raw)) { planLimits[plan] = fallback; continue; }
            if (!int.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var limit) || limit < 1)
            {
                error = $"RATE_LIMIT_{plan.ToUpperInvariant()} must be a whole number of at least 1, not '{raw}'.";
                return null;
            }
            planLimits[plan] = limit;
        }

        var database = DatabaseUrl.ToConnectionString(NullIfEmpty(config["DATABASE_URL"]) ?? DatabaseUrl.Default, out error);
        if (database is null) return null;

        var origins = (config["ALLOWED_ORIGINS"] ?? "http://localhost:3000,http://127.0.0.1:3000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(NormalizeOrigin)
            .Where(o => o is not null)
            .Select(o => o!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();

        return new BackendSettings
        {
            JwtSecretKey = secret,
            ServiceSecret = NullIfEmpty(config["SERVICE_SECRET"]),
            DatabaseConnectionString = database,
            AuthUrl = NullIfEmpty(config["AUTH_URL"])?.TrimEnd('/'),
            AllowedOrigins = origins,
            LlmBaseUrl = (NullIfEmpty(config["LLM_BASE_URL"]) ?? "http://127.0.0.1:8090").TrimEnd('/'),
            LlmApiKey = NullIfEmpty(config["LLM_API_KEY"]),
            LlmModel = NullIfEmpty(config["LLM_MODEL"]) ?? "gpt-4o-mini",
            LlmTimeout = TimeSpan.FromSeconds(timeoutSeconds),
            RateLimitWindow = TimeSpan.FromSeconds(window),
            PlanLimits = planLimits,
        };
    }

    public bool IsOriginAllowed(string origin)
    {
        var normalized = NormalizeOrigin(origin);
        return normalized is not null && AllowedOrigins.Contains(normalized, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>scheme://host[:port] in lower case, without a trailing slash; null if not an origin.</summary>
    public static string? NormalizeOrigin(string origin)
    {
        if (!Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme is not ("http" or "https")) return null;
        return uri.IsDefaultPort
            ? $"{uri.Scheme}://{uri.Host}".ToLowerInvariant()
            : $"{uri.Scheme}://{uri.Host}:{uri.Port}".ToLowerInvariant();
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
