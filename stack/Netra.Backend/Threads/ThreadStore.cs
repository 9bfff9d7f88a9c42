using Npgsql;
using Netra.Backend.Infrastructure;

namespace Netra.Backend.Threads;

public sealed record ThreadRecord(string Id, string Title, string CreatedAt, string UpdatedAt, long MessageCount);

public sealed record MessageRecord(string Id, string Role, string Content, string? AgentName, string CreatedAt);

/// <summary>
/// Threads and their messages. Every read and write is scoped to the owning user, so another
/// user's thread is indistinguishable from a missing one.
/// </summary>
public sealed class ThreadStore(Database db)
{
    private const string ThreadColumns =
        "t.id, t.title, t.created_at, t.updated_at, (SELECT count(*) FROM messages m WHERE m.thread_id = t.id)";

    public async Task<ThreadRecord> CreateAsync(string userId, string title, CancellationToken ct)
    {
        var id = Guid.NewGuid().ToString();
        var now = Timestamps.Now();
        await using var connection = await db.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO threads (id, user_id, title, created_at, updated_at) VALUES (@id, @user, @title, @now, @now)";
        command.Parameters.AddWithValue("@id", id);
        command.Parameters.AddWithValue("@user", userId);
        command.Parameters.AddWithValue("@title", title);
        command.Parameters.AddWithValue("@now", now);
        await command.ExecuteNonQueryAsync(ct);
        return new ThreadRecord(id, title, now, now, 0);
    }

    public async Task<IReadOnlyList<ThreadRecord>> ListAsync(string userId, int limit, int offset, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {ThreadColumns} FROM threads t WHERE t.user_id = @user
            ORDER BY t.updated_at DESC, t.id LIMIT @limit OFFSET @offset
            """;
        command.Parameters.AddWithValue("@user", userId);
        command.Parameters.AddWithValue("@limit", limit);
        command.Parameters.AddWithValue("@offset", offset);
        var list = new List<ThreadRecord>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add(ReadThread(reader));
        return list;
    }

    public async Task<ThreadRecord?> GetAsync(string userId, string threadId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ThreadColumns} FROM threads t WHERE t.id = @id AND t.user_id = @user";
        command.Parameters.AddWithValue("@id", threadId);
        command.Parameters.AddWithValue("@user", userId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadThread(reader) : null;
    }

    public async Task<bool> DeleteAsync(string userId, string threadId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM threads WHERE id = @id AND user_id = @user"; // messages go by ON DELETE CASCADE
        command.Parameters.AddWithValue("@id", threadId);
        command.Parameters.AddWithValue("@user", userId);
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>Messages oldest first and the total count; null when the user has no such thread.</summary>
    public async Task<(IReadOnlyList<MessageRecord> Messages, long Total)?> ListMessagesAsync(string userId, string threadId, int limit, int offset, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        // One read transaction, so the page and the total come from the same snapshot.
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var count = connection.CreateCommand();
        count.Transaction = tx;
        count.CommandText = """
            SELECT (SELECT count(*) FROM messages WHERE thread_id = t.id) FROM threads t WHERE t.id = @id AND t.user_id = @user
            """;
        count.Parameters.AddWithValue("@id", threadId);
        count.Parameters.AddWithValue("@user", userId);
        if (await count.ExecuteScalarAsync(ct) is not long total) return null;

        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            SELECT id, role, content, agent_name, created_at FROM messages WHERE thread_id = @id
            ORDER BY seq LIMIT @limit OFFSET @offset
            """;
        command.Parameters.AddWithValue("@id", threadId);
        command.Parameters.AddWithValue("@limit", limit);
        command.Parameters.AddWithValue("@offset", offset);
        var list = new List<MessageRecord>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            list.Add(new MessageRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4)));
        return (list, total);
    }

    /// <summary>Appends a message and touches the thread; null when the thread no longer exists (deleted meanwhile).</summary>
    public Task<MessageRecord?> AddMessageAsync(string threadId, string role, string content, string? agentName, string? runId, CancellationToken ct) =>
        db.InTransactionAsync((connection, tx) => AddMessageAsync(connection, tx, threadId, role, content, agentName, runId, ct), ct);

    /// <summary>The same, inside the caller's transaction (an answer is stored together with its usage record).</summary>
    public static async Task<MessageRecord?> AddMessageAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string threadId, string role,
        string content, string? agentName, string? runId, CancellationToken ct)
    {
        var message = new MessageRecord(Guid.NewGuid().ToString(), role, content, agentName, Timestamps.Now());
        await using (var touch = new NpgsqlCommand("UPDATE threads SET updated_at = @now WHERE id = @thread", connection, tx))
        {
            touch.Parameters.AddWithValue("@thread", threadId);
            touch.Parameters.AddWithValue("@now", message.CreatedAt);
            if (await touch.ExecuteNonQueryAsync(ct) == 0) return null;
        }
        await using var insert = new NpgsqlCommand("""
            INSERT INTO messages (id, thread_id, role, content, agent_name, run_id, created_at)
            VALUES (@id, @thread, @role, @content, @agent, @run, @now)
            """, connection, tx);
        insert.Parameters.AddWithValue("@id", message.Id);
        insert.Parameters.AddWithValue("@thread", threadId);
        insert.Parameters.AddWithValue("@role", role);
        insert.Parameters.AddWithValue("@content", content);
        insert.Parameters.AddWithValue("@agent", NpgsqlTypes.NpgsqlDbType.Text, (object?)agentName ?? DBNull.Value);
        insert.Parameters.AddWithValue("@run", NpgsqlTypes.NpgsqlDbType.Text, (object?)runId ?? DBNull.Value);
        insert.Parameters.AddWithValue("@now", message.CreatedAt);
        await insert.ExecuteNonQueryAsync(ct);
        return message;
    }

    private static ThreadRecord ReadThread(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4));
}
