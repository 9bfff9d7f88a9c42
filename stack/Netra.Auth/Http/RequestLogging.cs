using System.Diagnostics;

namespace Netra.Auth.Http;

/// <summary>One log line per request: method, path, status, milliseconds. The query string is left out.</summary>
public sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext ctx)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(ctx);
        }
        finally
        {
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            logger.LogInformation("{Method} {Path} {Status} {Elapsed:0}ms",
                ctx.Request.Method, ctx.Request.Path.Value, ctx.Response.StatusCode, ms);
        }
    }
}
