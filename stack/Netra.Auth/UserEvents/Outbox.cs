using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Netra.Auth.UserEvents;

public static class UserEventTypes
{
    public const string Created = "user.created";
    public const string Updated = "user.updated";
    public const string PlanChanged = "user.plan_changed";
    public const string Deleted = "user.deleted";
}

/// <summary>One row of the outbox (times in Unix milliseconds).</summary>
/// <param name="TraceParent">the W3C trace context of the request that raised the event, so its delivery is traced to it</param>
public sealed record OutboxEvent(long Seq, string EventId, string UserId, string Type, string Payload, int Attempts, long NextAttemptAt,
    string? TraceParent, long CreatedAt, long? DeliveredAt, string? LastError, long? SetAsideAt);

/// <summary>
/// Writes user events into the outbox inside the caller's transaction, so an event exists if and only if
/// the change it describes was committed.
/// </summary>
public static class Outbox
{
    public static async Task<string> EnqueueAsync(SqliteConnection conn, SqliteTransaction tx, string type, UserRecord user)
    {
        var eventId = Guid.NewGuid().ToString();
        var now = DateTimeOffset.UtcNow;
        // The body of POST {BACKEND_URL}/internal/user-events, fixed at the time of the change.
        var payload = JsonSerializer.Serialize(new
        {
            event_id = eventId,
            type,
            user = new { id = user.Id, email = user.Email, name = user.Name, plan_tier = user.PlanTier },
            occurred_at = Timestamps.Format(now),
        });
        await conn.Command("""
            INSERT INTO outbox (event_id, user_id, type, payload, created_at, next_attempt_at, traceparent)
            VALUES ($id, $user, $type, $payload, $now, $now, $traceparent)
            """, tx,
            ("$id", eventId), ("$user", user.Id), ("$type", type), ("$payload", payload),
            ("$now", now.ToUnixTimeMilliseconds()), ("$traceparent", EventTraceContext.Capture())).ExecuteNonQueryAsync();
        return eventId;
    }

    public static Task<List<OutboxEvent>> LoadPendingAsync(SqliteConnection conn, string? userId, int limit) =>
        LoadAsync(conn, $"delivered_at IS NULL AND set_aside_at IS NULL {(userId is null ? "" : "AND user_id = $user")}", userId, limit);

    /// <summary>How many events wait for delivery, and how many were set aside because the backend kept refusing them.</summary>
    public static async Task<(long Pending, long SetAside)> CountAsync(SqliteConnection conn)
    {
        await using var r = await conn.Command("""
            SELECT COALESCE(SUM(delivered_at IS NULL AND set_aside_at IS NULL), 0), COALESCE(SUM(set_aside_at IS NOT NULL), 0) FROM outbox
            """).ExecuteReaderAsync();
        await r.ReadAsync();
        return (r.GetInt64(0), r.GetInt64(1));
    }

    /// <summary>Gives up on an event the backend cannot apply: it stays in the outbox with its reason, for operators.</summary>
    public static Task MarkSetAsideAsync(SqliteConnection conn, SqliteTransaction tx, string eventId, string reason) =>
        conn.Command("UPDATE outbox SET attempts = attempts + 1, last_error = $error, set_aside_at = $now WHERE event_id = $id", tx,
            ("$error", reason), ("$now", SqliteExtensions.NowMs()), ("$id", eventId)).ExecuteNonQueryAsync();

    /// <summary>Every event raised for a user, delivered or not, oldest first.</summary>
    public static Task<List<OutboxEvent>> LoadForUserAsync(SqliteConnection conn, string userId) =>
        LoadAsync(conn, "user_id = $user", userId, limit: 1000);

    private static async Task<List<OutboxEvent>> LoadAsync(SqliteConnection conn, string where, string? userId, int limit)
    {
        await using var r = await conn.Command($"""
            SELECT seq, event_id, user_id, type, payload, attempts, next_attempt_at, traceparent, created_at, delivered_at, last_error, set_aside_at
            FROM outbox WHERE {where} ORDER BY seq LIMIT {limit}
            """, null, ("$user", userId)).ExecuteReaderAsync();
        var list = new List<OutboxEvent>();
        while (await r.ReadAsync())
            list.Add(new OutboxEvent(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.GetInt32(5), r.GetInt64(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetInt64(8),
                r.IsDBNull(9) ? null : r.GetInt64(9), r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetInt64(11)));
        return list;
    }

    public static async Task<bool> IsDeliveredAsync(SqliteConnection conn, string eventId) =>
        await conn.Command("SELECT delivered_at IS NOT NULL FROM outbox WHERE event_id = $id", null, ("$id", eventId))
            .ExecuteScalarAsync() is long v && v != 0;

    public static Task MarkDeliveredAsync(SqliteConnection conn, SqliteTransaction tx, string eventId) =>
        conn.Command("UPDATE outbox SET delivered_at = $now, attempts = attempts + 1, last_error = NULL WHERE event_id = $id", tx,
            ("$now", SqliteExtensions.NowMs()), ("$id", eventId)).ExecuteNonQueryAsync();

    public static Task MarkFailedAsync(SqliteConnection conn, SqliteTransaction tx, string eventId, string error, DateTimeOffset nextAttempt) =>
        conn.Command("""
            UPDATE outbox SET attempts = attempts + 1, last_error = $error, next_attempt_at = $next WHERE event_id = $id
            """, tx, ("$error", error), ("$next", nextAttempt.ToUnixTimeMilliseconds()), ("$id", eventId)).ExecuteNonQueryAsync();
}
