using Npgsql;
using Netra.Backend.Infrastructure;

namespace Netra.Backend.Users;

public sealed record UserRecord(string Id, string Email, string? Name, string PlanTier, string CreatedAt);

public sealed record UserEvent(string EventId, string Type, string UserId, string? Email, string? Name, string? PlanTier, string? CreatedAt, string OccurredAt);

public static class UserEventTypes
{
    public const string Created = "user.created";
    public const string Updated = "user.updated";
    public const string PlanChanged = "user.plan_changed";
    public const string Deleted = "user.deleted";
    public static readonly string[] All = [Created, Updated, PlanChanged, Deleted];
}

/// <summary>The backend's copy of users (owned by the auth service).</summary>
public sealed class UserStore(Database db)
{
    public async Task<UserRecord?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, email, name, plan_tier, created_at FROM users WHERE id = @id";
        command.Parameters.AddWithValue("@id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new UserRecord(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetString(3), reader.GetString(4));
    }

    public async Task<UserRecord?> UpdateNameAsync(string id, string name, CancellationToken ct)
    {
        await using (var connection = await db.OpenAsync(ct))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE users SET name = @name, updated_at = @now WHERE id = @id";
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@name", name);
            command.Parameters.AddWithValue("@now", Timestamps.Now());
            if (await command.ExecuteNonQueryAsync(ct) == 0) return null;
        }
        return await GetAsync(id, ct);
    }

    /// <summary>The user events applied (or recorded as stale) for a user, oldest first.</summary>
    public async Task<List<AppliedEvent>> AppliedEventsAsync(string userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_id, type, processed_at FROM processed_events WHERE user_id = @id ORDER BY processed_at, event_id";
        command.Parameters.AddWithValue("@id", userId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<AppliedEvent>();
        while (await reader.ReadAsync(ct))
            events.Add(new AppliedEvent(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return events;
    }

    /// <summary>
    /// Applies a user event once: the event id is recorded in the same transaction as the change,
    /// so a redelivery is a no-op. Events older than what the row already reflects are recorded but
    /// not applied (deliveries may arrive out of order after retries). Returns false for a repeat.
    /// </summary>
    public async Task<bool> ApplyEventAsync(UserEvent e, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        // BEGIN IMMEDIATE: take the write lock up front, so two deliveries of the same event
        // cannot both pass the "already processed?" check.
        await using var tx = await connection.BeginTransactionAsync(ct);

        if (await ExecuteAsync(connection, tx, ct,
                "INSERT INTO processed_events (event_id, type, processed_at, user_id) VALUES (@event_id, @type, @now, @user) ON CONFLICT (event_id) DO NOTHING",
                ("@event_id", e.EventId), ("@type", e.Type), ("@now", Timestamps.Now()), ("@user", e.UserId)) == 0)
            return false;

        var deletedAt = await ScalarAsync(connection, tx, ct, "SELECT deleted_at FROM deleted_users WHERE id = @id", ("@id", e.UserId));
        var isStaleAfterDelete = deletedAt is not null && string.CompareOrdinal(e.OccurredAt, deletedAt) <= 0;

        if (e.Type == UserEventTypes.Deleted)
        {
            // Threads and, by cascade, their messages go with the user.
            await ExecuteAsync(connection, tx, ct, "DELETE FROM threads WHERE user_id = @id", ("@id", e.UserId));
            await ExecuteAsync(connection, tx, ct, "DELETE FROM users WHERE id = @id", ("@id", e.UserId));
            await ExecuteAsync(connection, tx, ct,
                "INSERT INTO deleted_users (id, deleted_at) VALUES (@id, @at) ON CONFLICT (id) DO UPDATE SET deleted_at = GREATEST(deleted_users.deleted_at, excluded.deleted_at)",
                ("@id", e.UserId), ("@at", e.OccurredAt));
        }
        else if (!isStaleAfterDelete)
        {
            if (deletedAt is not null)
                await ExecuteAsync(connection, tx, ct, "DELETE FROM deleted_users WHERE id = @id", ("@id", e.UserId));

            // Upsert: an update may arrive before the create it follows. Each event changes what it is about, and fields
            // an event leaves out are kept: a plan change sets the plan only, so it applies even when the name it carries
            // (auth's current one) could not be stored (that name change was set aside, docs/stack-interface.md). Not even
            // the row a first event inserts takes more: a value that cannot be stored would fail the whole statement.
            var (email, name, plan) = e.Type switch
            {
                UserEventTypes.PlanChanged => (null, null, e.PlanTier),
                UserEventTypes.Updated => (e.Email, e.Name, null),
                _ => (e.Email, e.Name, e.PlanTier),
            };
            await ExecuteAsync(connection, tx, ct, """
                INSERT INTO users (id, email, name, plan_tier, created_at, updated_at, last_event_at)
                VALUES (@id, coalesce(@email, ''), @name, coalesce(@plan, 'free'), coalesce(@created, @occurred), @now, @occurred)
                ON CONFLICT (id) DO UPDATE SET
                    email         = coalesce(@email, users.email),
                    name          = coalesce(@name, users.name),
                    plan_tier     = coalesce(@plan, users.plan_tier),
                    updated_at    = @now,
                    last_event_at = @occurred
                WHERE users.last_event_at <= @occurred
                """,
                ("@id", e.UserId), ("@email", email), ("@name", name), ("@plan", plan),
                ("@created", e.CreatedAt), ("@occurred", e.OccurredAt), ("@now", Timestamps.Now()));
        }

        await tx.CommitAsync(ct);
        return true;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken ct, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(c, tx, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<string?> ScalarAsync(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken ct, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(c, tx, sql, parameters);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private static NpgsqlCommand Command(NpgsqlConnection c, NpgsqlTransaction tx, string sql, (string Name, object? Value)[] parameters)
    {
        var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}

public sealed record AppliedEvent(string EventId, string Type, string ProcessedAt);
