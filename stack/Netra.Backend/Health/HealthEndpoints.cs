using Netra.Backend.Infrastructure;

namespace Netra.Backend.Health;

public static class HealthEndpoints
{
    public const string ServiceName = "netra-backend";
    public const string Version = "0.1.0";
    public const string AuthHttpClient = "auth-health";

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // The server only listens after the database is initialized, so answering at all means healthy.
        app.MapGet("/health", () => Results.Ok(new { status = "healthy", service = ServiceName, version = Version, timestamp = Timestamps.Now() }));
        app.MapGet("/health/ready", Ready);
    }

    /// <summary>
    /// Ready when the database answers. An unreachable auth service only makes the answer "degraded":
    /// tokens are validated locally, so the backend keeps serving (contract decision).
    /// </summary>
    private static async Task<IResult> Ready(Database db, BackendSettings settings, IHttpClientFactory clients, ILoggerFactory loggers, CancellationToken ct)
    {
        var dbTask = CheckDatabaseAsync(db, loggers, ct);
        var authTask = CheckAuthAsync(settings, clients, ct);
        var (dbOk, auth) = (await dbTask, await authTask);

        return dbOk
            ? Results.Ok(new { status = "ready", service = ServiceName, core_db = "connected", auth })
            : Results.Json(new { status = "not_ready", service = ServiceName, core_db = "unavailable", auth, reason = "The backend database is not available." },
                JsonDefaults.Options, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<bool> CheckDatabaseAsync(Database db, ILoggerFactory loggers, CancellationToken ct)
    {
        try
        {
            return await db.PingAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            loggers.CreateLogger("Netra.Backend.Health").LogWarning("readiness: database check failed: {Error}", ex.Message);
            return false;
        }
    }

    private static async Task<string> CheckAuthAsync(BackendSettings settings, IHttpClientFactory clients, CancellationToken ct)
    {
        if (settings.AuthUrl is null) return "not_configured";
        try
        {
            using var response = await clients.CreateClient(AuthHttpClient).GetAsync($"{settings.AuthUrl}/health", ct);
            return response.IsSuccessStatusCode ? "connected" : "degraded";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return "degraded";
        }
    }
}
