using System.Globalization;
using Netra.Backend.Auth;
using Netra.Backend.Infrastructure;

namespace Netra.Backend.RateLimiting;

/// <summary>
/// After authentication: every answer to an authenticated call carries X-RateLimit-Limit,
/// X-RateLimit-Remaining and X-RateLimit-Reset (seconds until the window ends); a chat message
/// over REST is counted, and past the allowance answered 429 with Retry-After. (WebSocket messages
/// are counted by the socket, which answers RATE_LIMITED.)
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, ChatRateLimiter limiter)
{
    public const string ChatPath = "/api/v1/chat/message";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true || context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }

        var userId = context.User.UserId();
        var isChat = HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(ChatPath, StringComparison.OrdinalIgnoreCase);
        var decision = isChat
            ? await limiter.TryConsumeAsync(userId, context.RequestAborted)
            : await limiter.PeekAsync(userId, context.RequestAborted);

        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);

        if (isChat && !decision.Allowed)
        {
            headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await Problems.Create(StatusCodes.Status429TooManyRequests,
                $"Your plan allows {decision.Limit} chat messages per {RateWindow.Describe(context)}; try again in {decision.RetryAfterSeconds} seconds.")
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}

public static class RateWindow
{
    public static string Describe(HttpContext context) =>
        Describe(context.RequestServices.GetRequiredService<BackendSettings>().RateLimitWindow);

    public static string Describe(TimeSpan window) =>
        window == TimeSpan.FromMinutes(1) ? "minute" : $"{window.TotalSeconds:0.#} seconds";
}
