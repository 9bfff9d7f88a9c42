namespace Netra.Auth;

/// <summary>Everything the auth service reads from its environment (see docs/stack-interface.md).</summary>
public sealed record AuthSettings(
    string JwtSecret,
    string? ServiceSecret,
    string DbPath,
    string? BackendUrl,
    string? FrontendUrl,
    string[] AllowedOrigins,
    TimeSpan AccessTokenLifetime,
    TimeSpan RefreshTokenLifetime)
{
    public const int MinSecretLength = 32;

    /// <summary>
    /// How often a user event the backend refuses (a 4xx or 500 for that event) is tried before it is set aside so the
    /// user's later events go on (USER_EVENT_ATTEMPTS, default 5: about 15 s of backoff). An unreachable backend is
    /// retried without end, in order.
    /// </summary>
    public int UserEventAttempts { get; init; } = 5;

    /// <summary>Reads the settings; throws <see cref="InvalidOperationException"/> with a message fit for the operator.</summary>
    public static AuthSettings FromEnvironment()
    {
        var secret = Env("JWT_SECRET_KEY");
        if (secret is null)
            throw new InvalidOperationException("JWT_SECRET_KEY is not set; the auth service needs an HS256 secret of at least 32 characters.");
        if (secret.Length < MinSecretLength)
            throw new InvalidOperationException($"JWT_SECRET_KEY is {secret.Length} characters long; it must be at least {MinSecretLength}.");

        // Default database: artifacts/data/auth.db next to artifacts/stack/Netra.Auth/.
        var dbPath = Env("AUTH_DB_PATH")
            ?? Path.Combine(AppContext.BaseDirectory, "..", "..", "data", "auth.db");

        var frontend = TrimUrl(Env("FRONTEND_URL"));
        var origins = (Env("ALLOWED_ORIGINS") ?? frontend ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => o.TrimEnd('/'))
            .ToArray();

        return new AuthSettings(
            JwtSecret: secret,
            ServiceSecret: Env("SERVICE_SECRET"),
            DbPath: Path.GetFullPath(dbPath),
            BackendUrl: TrimUrl(Env("BACKEND_URL")),
            FrontendUrl: frontend,
            AllowedOrigins: origins,
            AccessTokenLifetime: TimeSpan.FromMinutes(Number("JWT_ACCESS_TOKEN_EXPIRE_MINUTES", 15)),
            RefreshTokenLifetime: TimeSpan.FromDays(Number("JWT_REFRESH_TOKEN_EXPIRE_DAYS", 7)))
        {
            UserEventAttempts = (int)Number("USER_EVENT_ATTEMPTS", 5),
        };
    }

    private static string? Env(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;

    private static string? TrimUrl(string? url) => url?.TrimEnd('/');

    private static double Number(string name, double fallback)
    {
        var raw = Env(name);
        if (raw is null) return fallback;
        if (double.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0) return v;
        throw new InvalidOperationException($"{name} must be a positive number, got '{raw}'.");
    }
}
