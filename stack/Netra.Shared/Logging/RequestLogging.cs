using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Netra.Shared.Logging;

/// <summary>One stdout line per request: method, path, status, duration. No query strings or headers (tokens stay out of logs).</summary>
public sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            logger.LogInformation("{Method} {Path} {Status} {ElapsedMs:0.0}ms",
                LogText.Clean(context.Request.Method, 16),
                LogText.Clean(context.Request.Path.Value, 200),
                context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}

public static class LogText
{
    /// <summary>Makes client-supplied text safe for a one-line log: no control characters, bounded length.</summary>
    public static string Clean(string? text, int maxLength = 64)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var span = text.Length > maxLength ? text[..maxLength] + "…" : text;
        return string.Create(span.Length, span, static (dest, src) =>
        {
            for (var i = 0; i < src.Length; i++) dest[i] = char.IsControl(src[i]) ? '?' : src[i];
        });
    }
}
