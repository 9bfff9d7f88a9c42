using Microsoft.Data.Sqlite;

namespace Netra.Backend.Infrastructure;

/// <summary>
/// The backend's own SQLite database. Every operation opens a pooled connection of its own, so
/// concurrent requests never share one; WAL lets readers run beside the single writer, and
/// Microsoft.Data.Sqlite retries a busy database until the command timeout.
/// </summary>
public sealed class Database
{
    private readonly string _connectionString;

    public Database(BackendSettings settings)
    {
        Path = settings.DatabasePath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = settings.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>Creates the folder, the file and the schema. Runs once at startup, before the server listens.</summary>
    public void Initialize()
    {
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);

        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    public async Task<bool> PingAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct)) == 1;
    }

    private const string Schema = """
        PRAGMA journal_mode = WAL;

        -- The backend's copy of auth's users, fed by user events.
        CREATE TABLE IF NOT EXISTS users (
            id            TEXT PRIMARY KEY,
            email         TEXT NOT NULL,
            name          TEXT,
            plan_tier     TEXT NOT NULL,
            created_at    TEXT NOT NULL,
            updated_at    TEXT NOT NULL,
            last_event_at TEXT NOT NULL   -- occurred_at of the newest applied event; older ones are skipped
        );

        -- Deleted users leave only their id, so that a late, older event cannot bring them back.
        CREATE TABLE IF NOT EXISTS deleted_users (
            id         TEXT PRIMARY KEY,
            deleted_at TEXT NOT NULL
        );

        -- Each event_id is applied at most once.
        CREATE TABLE IF NOT EXISTS processed_events (
            event_id     TEXT PRIMARY KEY,
            type         TEXT NOT NULL,
            processed_at TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS threads (
            id         TEXT PRIMARY KEY,
            user_id    TEXT NOT NULL,
            title      TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_threads_user ON threads (user_id, updated_at);

        CREATE TABLE IF NOT EXISTS messages (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,  -- insertion order, the tie-breaker for equal timestamps
            id         TEXT NOT NULL UNIQUE,
            thread_id  TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
            role       TEXT NOT NULL,
            content    TEXT NOT NULL,
            agent_name TEXT,
            run_id     TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_messages_thread ON messages (thread_id, seq);

        -- One usage record per completed agent run; the run id is the key, so a run is billed at most once.
        -- No foreign key to threads: billing outlives a deleted conversation.
        CREATE TABLE IF NOT EXISTS usage_records (
            run_id            TEXT PRIMARY KEY,
            user_id           TEXT NOT NULL,
            thread_id         TEXT NOT NULL,
            agent_name        TEXT NOT NULL,
            prompt_tokens     INTEGER NOT NULL,
            completion_tokens INTEGER NOT NULL,
            recorded_at       TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_usage_user ON usage_records (user_id, recorded_at);
        """;
}

public static class Clock
{
    /// <summary>ISO 8601 UTC with a Z suffix; sorts correctly as text.</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'");

    public static string NowIso() => Iso(DateTimeOffset.UtcNow);
}
