using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Netra.Auth.UserEvents;

/// <summary>
/// Delivers outbox events to POST {BACKEND_URL}/internal/user-events. The ordering it guarantees: a user's events
/// go out in the order they were raised, each after the one before it was applied or set aside.
/// <list type="bullet">
/// <item>The backend cannot be reached, or answers that it cannot work now (502, 503, 504, 429) or that auth's
/// credentials are wrong (401, 403): the event is retried with backoff without end, and the user's later events wait
/// behind it, so nothing overtakes a change the platform has not seen.</item>
/// <item>The backend refuses the event itself (another 4xx, or a 500 for it): it is retried with backoff
/// <see cref="AuthSettings.UserEventAttempts"/> times, then set aside with its reason (a warning line, and the count in
/// /health/ready), and the user's later events go on. The backend applies each event by its time, so her final state
/// is still right: a later plan change applies, and a later deletion removes her.</item>
/// </list>
/// The backend dedupes by event_id, so a rare double send is harmless.
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

    /// <summary>Sends one event; true when the user's next event may go (this one was applied or set aside).</summary>
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
            var refusedByBackend = false;
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
                var detail = await response.Content.ReadAsStringAsync();
                error = $"backend answered {(int)response.StatusCode}{(detail.Length > 0 ? ": " + detail[..Math.Min(detail.Length, 300)] : "")}";
                refusedByBackend = (int)response.StatusCode is not (401 or 403 or 408 or 429 or 502 or 503 or 504);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                error = ex is TaskCanceledException ? "timed out" : ex.InnerException?.Message ?? ex.Message;
            }

            var attempts = e.Attempts + 1;
            if (refusedByBackend && attempts >= _settings.UserEventAttempts)
            {
                await _db.WriteAsync(async (conn, tx) => { await Outbox.MarkSetAsideAsync(conn, tx, e.EventId, error); return 0; });
                _log.LogWarning("User event {Type} {EventId} for user {UserId} set aside after {Attempts} attempts, the backend refused it: {Error}. " +
                                "The user's later events go on; /health/ready counts the events set aside",
                    e.Type, e.EventId, e.UserId, attempts, error);
                return true;
            }
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
