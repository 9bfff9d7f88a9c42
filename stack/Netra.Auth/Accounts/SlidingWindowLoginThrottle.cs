using System.Collections.Concurrent;

namespace Netra.Auth.Accounts;

/// <summary>
/// The contract's lockout: after <c>LOGIN_LOCKOUT_ATTEMPTS</c> (5) failures within <c>LOGIN_LOCKOUT_MINUTES</c> (15)
/// the email is locked until the oldest failure of that window has aged out. Kept in memory: a restart
/// forgets failures, which only ever helps the account's owner.
/// </summary>
public sealed class SlidingWindowLoginThrottle(TimeProvider clock) : ILoginThrottle
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new();

    public int MaxFailures { get; init; } = (int)Setting("LOGIN_LOCKOUT_ATTEMPTS", 5, whole: true);
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(Setting("LOGIN_LOCKOUT_MINUTES", 15, whole: false));

    public Task<TimeSpan?> GetLockoutAsync(string normalizedEmail)
    {
        if (!_failures.TryGetValue(normalizedEmail, out var queue)) return Task.FromResult<TimeSpan?>(null);
        lock (queue)
        {
            Prune(queue);
            if (queue.Count < MaxFailures) return Task.FromResult<TimeSpan?>(null);
            var until = queue.Peek() + Window;
            return Task.FromResult<TimeSpan?>(until - clock.GetUtcNow());
        }
    }

    public Task RecordFailureAsync(string normalizedEmail)
    {
        var queue = _failures.GetOrAdd(normalizedEmail, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            Prune(queue);
            queue.Enqueue(clock.GetUtcNow());
        }
        return Task.CompletedTask;
    }

    public Task RecordSuccessAsync(string normalizedEmail)
    {
        _failures.TryRemove(normalizedEmail, out _);
        return Task.CompletedTask;
    }

    private void Prune(Queue<DateTimeOffset> queue)
    {
        var cutoff = clock.GetUtcNow() - Window;
        while (queue.Count > 0 && queue.Peek() <= cutoff) queue.Dequeue();
    }

    private static double Setting(string name, double fallback, bool whole)
    {
        var raw = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        if (double.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0 && (!whole || v == Math.Floor(v)))
            return v;
        throw new InvalidOperationException($"{name} must be a positive {(whole ? "whole " : "")}number, got '{raw}'.");
    }
}
