using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Netra.Auth.Data;
using Netra.Auth.Security;

namespace Netra.Auth.Events;

/// <summary>
/// Delivers outbox events to POST {BACKEND_URL}/internal/user-events. Events of one user go out in the
/// order they were raised (a failure stops that user's queue until its retry); the backend dedupes by
/// event_id, so a rare double send is harmless.
/// </summary>
public sealed class UserEventDispatcher : IDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private readonly AuthDb _db;
    private readonly AuthSettings _settings;
    private readonly ILogger<UserEventDispatcher> _log;
    private readonly HttpClient? _http;
    private readonly ConcurrentDictionary<string, byte> _inFlight = new();

    public UserEventDispatcher(AuthDb db, AuthSettings settings, ILogger<UserEventDispatcher> log)
    {
        _db = db;
        _settings = settings;
        _log = log;
        if (settings.BackendUrl is not null)
        {
            _http = new HttpClient(new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromSeconds(2),
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            { Timeout = TimeSpan.FromSeconds(5) };
        }
    }

    /// <summary>False when BACKEND_URL is unset: events then stay in the outbox.</summary>
    public bool Enabled => _http is not null;

    /// <summary>Immediate delivery after a commit: sends the user's pending events in order. Never throws.</summary>
    public async Task DeliverForUserAsync(string userId)
    {
        if (!Enabled) return;
        try
        {
            var pending = await _db.ReadAsync(conn => Outbox.LoadPendingAsync(conn, userId, 100));
            foreach (var e in pending)
                if (!await TryDeliverAsync(e)) break;
        }
        catch (Exception ex)
        {
            _log.LogWarning(ex, "Immediate delivery of user events for {UserId} failed; the retry loop takes over", userId);
        }
    }

    /// <summary>Background pass: every user's due events, in order, a few users at a time.</summary>
    public async Task DeliverDueAsync(CancellationToken ct)
    {
        if (!Enabled) return;
        var pending = await _db.ReadAsync(conn => Outbox.LoadPendingAsync(conn, null, 500));
        if (pending.Count == 0) return;
        var now = SqliteExtensions.NowMs();
        await Parallel.ForEachAsync(pending.GroupBy(e => e.UserId),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (events, _) =>
            {
                foreach (var e in events)
                {
                    if (e.NextAttemptAt > now) break; // never overtake an earlier event waiting for its retry
                    if (!await TryDeliverAsync(e)) break;
                }
            });
    }

    private async Task<bool> TryDeliverAsync(OutboxEvent e)
    {
        if (!_inFlight.TryAdd(e.EventId, 0)) return false; // another path is sending it right now
        try
        {
            // It may have gone out since it was loaded.
            if (await _db.ReadAsync(conn => Outbox.IsDeliveredAsync(conn, e.EventId))) return true;

            // The delivery belongs to the trace of the change that raised the event: its log lines and its request
            // to the backend (HttpClient sends traceparent) carry that trace id, whenever and however often it is sent.
            using var delivery = EventTraceContext.ContinueFrom(e.TraceParent, "deliver user event");
            string error;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"{_settings.BackendUrl}/internal/user-events")
                {
                    Content = new StringContent(e.Payload, Encoding.UTF8, "application/json"),
                };
                request.Headers.Add(ServiceCredentials.IdHeader, "auth-service");
                request.Headers.Add(ServiceCredentials.SecretHeader, _settings.ServiceSecret ?? "");
                using var response = await _http!.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    await _db.WriteAsync(async (conn, tx) => { await Outbox.MarkDeliveredAsync(conn, tx, e.EventId); return 0; });
                    _log.LogInformation("Delivered {Type} {EventId} for user {UserId}", e.Type, e.EventId, e.UserId);
                    return true;
                }
                error = $"backend answered {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                error = ex is TaskCanceledException ? "timed out" : ex.InnerException?.Message ?? ex.Message;
            }

            var attempts = e.Attempts + 1;
            var delay = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(attempts - 1, 10))));
            await _db.WriteAsync(async (conn, tx) =>
            {
                await Outbox.MarkFailedAsync(conn, tx, e.EventId, error, DateTimeOffset.UtcNow + delay);
                return 0;
            });
            _log.LogWarning("User event {Type} {EventId} not delivered (attempt {Attempt}): {Error}; retrying in {Delay}s",
                e.Type, e.EventId, attempts, error, delay.TotalSeconds);
            return false;
        }
        finally
        {
            _inFlight.TryRemove(e.EventId, out _);
        }
    }

    public void Dispose() => _http?.Dispose();
}
