using Microsoft.Data.Sqlite;

namespace Netra.Auth.Infrastructure;

/// <summary>
/// The auth service's own SQLite database. Reads run concurrently (WAL); writes go through one in-process
/// lock so parallel requests never fight over SQLite's single writer (no SQLITE_BUSY under load).
/// </summary>
public sealed class AuthDb
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public AuthDb(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FilePath = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    public async Task<SqliteConnection> OpenAsync()
    {
        var conn = new SqliteConnection(_connectionString);
        await conn.OpenAsync();
        // NORMAL is durable enough in WAL mode (only a power cut can lose the last commits) and much faster.
        await conn.Command("PRAGMA synchronous = NORMAL;").ExecuteNonQueryAsync();
        return conn;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction under the write lock; commits unless it throws.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work)
    {
        await _writeLock.WaitAsync();
        try
        {
            await using var conn = await OpenAsync();
            await using var tx = conn.BeginTransaction();
            var result = await work(conn, tx);
            await tx.CommitAsync();
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> work)
    {
        await using var conn = await OpenAsync();
        return await work(conn);
    }

    /// <summary>Creates the schema if needed. Times are Unix milliseconds (UTC).</summary>
    public void EnsureSchema()
    {
        using var conn = new SqliteConnection(_connectionString);
        conn.Open();
        conn.Command("PRAGMA journal_mode = WAL;").ExecuteNonQuery();
        conn.Command("""
            CREATE TABLE IF NOT EXISTS users (
                id            TEXT PRIMARY KEY,
                email         TEXT NOT NULL UNIQUE,   -- normalised: trimmed, lower case
                name          TEXT NOT NULL,
                password_hash TEXT,                   -- null for users of an external identity provider
                plan_tier     TEXT NOT NULL,
                permissions   TEXT NOT NULL,          -- JSON array
                auth_provider TEXT NOT NULL,
                created_at    INTEGER NOT NULL,
                updated_at    INTEGER NOT NULL);

            -- One session per login; refresh rotation stays inside it. Revoking a session revokes all its tokens.
            CREATE TABLE IF NOT EXISTS sessions (
                id             TEXT PRIMARY KEY,
                user_id        TEXT NOT NULL,
                created_at     INTEGER NOT NULL,
                revoked_at     INTEGER,
                revoked_reason TEXT);
            CREATE INDEX IF NOT EXISTS ix_sessions_user ON sessions(user_id);

            -- Every token issued (by jti), so revocation survives restarts and maps tokens to sessions.
            CREATE TABLE IF NOT EXISTS tokens (
                jti        TEXT PRIMARY KEY,
                session_id TEXT,
                user_id    TEXT NOT NULL,
                token_type TEXT NOT NULL,
                issued_at  INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                used_at    INTEGER,                   -- refresh tokens: when rotated
                revoked_at INTEGER);
            CREATE INDEX IF NOT EXISTS ix_tokens_session ON tokens(session_id);

            -- Transactional outbox of user events for the backend.
            CREATE TABLE IF NOT EXISTS outbox (
                seq             INTEGER PRIMARY KEY AUTOINCREMENT,
                event_id        TEXT NOT NULL UNIQUE,
                user_id         TEXT NOT NULL,
                type            TEXT NOT NULL,
                payload         TEXT NOT NULL,
                created_at      INTEGER NOT NULL,
                attempts        INTEGER NOT NULL DEFAULT 0,
                next_attempt_at INTEGER NOT NULL,
                delivered_at    INTEGER,
                last_error      TEXT,
                traceparent     TEXT);                -- W3C trace context of the change that raised it
            CREATE INDEX IF NOT EXISTS ix_outbox_pending ON outbox(delivered_at, seq);
            """).ExecuteNonQuery();
        // A database made before the outbox kept trace contexts (the launcher's lives on between runs).
        if (conn.Command("SELECT COUNT(*) FROM pragma_table_info('outbox') WHERE name = 'traceparent'", null).ExecuteScalar() is 0L)
            conn.Command("ALTER TABLE outbox ADD COLUMN traceparent TEXT", null).ExecuteNonQuery();
        // An event the backend kept refusing is set aside (with its last_error), so the user's later events go on.
        if (conn.Command("SELECT COUNT(*) FROM pragma_table_info('outbox') WHERE name = 'set_aside_at'", null).ExecuteScalar() is 0L)
            conn.Command("ALTER TABLE outbox ADD COLUMN set_aside_at INTEGER", null).ExecuteNonQuery();
    }
}

public static class SqliteExtensions
{
    public static SqliteCommand Command(this SqliteConnection conn, string sql, SqliteTransaction? tx = null,
        params (string Name, object? Value)[] parameters)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in parameters)
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    public static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
