using Microsoft.AspNetCore.Diagnostics;

namespace Netra.Backend.Infrastructure;

/// <summary>
/// A request that needed the database while it was unreachable gets 503 with a clear reason and
/// a Retry-After, not a 500: the request changed nothing (writes are transactional), so retrying is safe.
/// </summary>
public sealed class DatabaseUnavailableHandler(Database db, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!Database.IsUnavailable(exception)) return false;
        var unavailable = db.Unavailable(exception);
        logger.LogWarning("{Method} {Path}: database unavailable ({Error})", http.Request.Method,
            LogText.Clean(http.Request.Path.Value, 200), exception.GetBaseException().Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Problems.Create(StatusCodes.Status503ServiceUnavailable, unavailable.Message, "Service Unavailable").ExecuteAsync(http);
        return true;
    }
}
