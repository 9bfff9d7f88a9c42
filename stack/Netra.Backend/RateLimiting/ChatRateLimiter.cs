using System.Collections.Concurrent;
using Netra.Backend.Infrastructure;
using Netra.Backend.Users;

namespace Netra.Backend.RateLimiting;

/// <summary>Where a user stands against the plan's chat allowance.</summary>
public sealed record RateDecision(bool Allowed, int Limit, int Remaining, TimeSpan ResetIn)
{
    /// <summary>Whole seconds until the window ends, at least 1 (for Retry-After and retry_after).</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(ResetIn.TotalSeconds));
}

/// <summary>
/// Chat messages per user per window (REST and WebSocket share one count). The window is fixed and
/// starts with the user's first message in it. The allowance comes from the plan the backend has
/// stored for the user (fed by user events), never from the token's plan_tier claim, so a plan
/// change applies at once without a new login.
/// </summary>
public sealed class ChatRateLimiter(BackendSettings settings, UserStore users, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new();

    private sealed class Window
    {
        public DateTimeOffset Start;
        public int Count;
    }

    /// <summary>Counts one chat message if the allowance has room; a refused message is not counted.</summary>
    public async Task<RateDecision> TryConsumeAsync(string userId, CancellationToken ct)
    {
        var limit = await LimitForAsync(userId, ct);
        var window = _windows.GetOrAdd(userId, _ => new Window { Start = DateTimeOffset.MinValue });
        lock (window)
        {
            var now = time.GetUtcNow();
            if (now >= window.Start + settings.RateLimitWindow)
            {
                window.Start = now;
                window.Count = 0;
            }
            var resetIn = window.Start + settings.RateLimitWindow - now;
            if (window.Count >= limit) return new RateDecision(false, limit, 0, resetIn);
            window.Count++;
            return new RateDecision(true, limit, limit - window.Count, resetIn);
        }
    }

    /// <summary>Where the user stands, without counting anything.</summary>
    public async Task<RateDecision> PeekAsync(string userId, CancellationToken ct)
    {
        var limit = await LimitForAsync(userId, ct);
        if (!_windows.TryGetValue(userId, out var window)) return new RateDecision(true, limit, limit, settings.RateLimitWindow);
        lock (window)
        {
            var now = time.GetUtcNow();
            if (now >= window.Start + settings.RateLimitWindow) return new RateDecision(true, limit, limit, settings.RateLimitWindow);
            var remaining = Math.Max(0, limit - window.Count);
            return new RateDecision(remaining > 0, limit, remaining, window.Start + settings.RateLimitWindow - now);
        }
    }

    private async Task<int> LimitForAsync(string userId, CancellationToken ct)
    {
        var plan = (await users.GetAsync(userId, ct))?.PlanTier ?? "free";
        return settings.PlanLimits.TryGetValue(plan, out var limit) ? limit : settings.PlanLimits["free"];
    }
}
