using Npgsql;

namespace Netra.Backend.Infrastructure;

/// <summary>
/// The backend's own PostgreSQL database (DATABASE_URL). Every operation takes a pooled
/// connection of its own. The backend starts and stays up without its database: the schema is
/// created on first use, every call that needs the database answers 503 while it is unreachable
/// (<see cref="DatabaseUnavailableException"/>), and nothing needs a restart when it comes back.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    public Database(BackendSettings settings)
    {
        var builder = new NpgsqlConnectionStringBuilder(settings.DatabaseConnectionString)
        {
            // An unreachable database must fail a request quickly, not hold it for the default 15 s.
            Timeout = 3,
            CommandTimeout = 10,
        };
        // PostgreSQL's default max_connections is 100: a pool of the same size, grown under load, left no connection for
        // operators (psql) or a second instance. Half of it serves the platform's bursts.
        builder.MaxPoolSize = Math.Min(builder.MaxPoolSize, 50);
        Description = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>Where the database is, without credentials (for logs).</summary>
    public string Description { get; }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct = default)
    {
        try
        {
            if (!_schemaReady) await CreateSchemaAsync(ct);
            return await _dataSource.OpenConnectionAsync(ct);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it is stored, or none of it.</summary>
    public async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            var result = await work(connection, tx);
            await tx.CommitAsync(ct);
            return result;
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    public async Task<bool> PingAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct)) == 1;
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>Tries once at startup, so a reachable database is ready before the first request; never fails startup.</summary>
    public async Task TryPrepareAsync(ILogger logger)
    {
        try
        {
            await CreateSchemaAsync(CancellationToken.None);
            logger.LogInformation("database {Database} ready", Description);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            logger.LogWarning("database {Database} is not reachable yet ({Error}); requests that need it answer 503 until it is",
                Description, ex.Message);
        }
    }

    /// <summary>
    /// The database cannot be reached or is shutting down: connection refused, broken, timed out, or
    /// PostgreSQL's own "not now" (class 08, 57P01–57P03, 53). Only what Npgsql raises counts: an I/O or socket
    /// error of the request itself (a client sending a body too large, a dropped client) says nothing about the
    /// database, and taking it for an outage would empty the pool for everyone. A constraint or SQL error is not this.
    /// </summary>
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        DatabaseUnavailableException => true,
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                                || pg.SqlState is "57P01" or "57P02" or "57P03"
                                || pg.SqlState.StartsWith("53", StringComparison.Ordinal),
        NpgsqlException => true, // not a PostgresException: the connection itself failed (its inner exception says how)
        Microsoft.AspNetCore.Http.BadHttpRequestException => false,
        _ => ex.InnerException is { } inner && IsUnavailable(inner),
    };

    /// <summary>
    /// Converts a failure to <see cref="DatabaseUnavailableException"/> and empties the pool: after
    /// an outage its idle connections are dead, and each would fail one more request.
    /// </summary>
    public DatabaseUnavailableException Unavailable(Exception ex)
    {
        if (ex is DatabaseUnavailableException already) return already;
        _dataSource.Clear();
        return new DatabaseUnavailableException(ex);
    }

    private async Task CreateSchemaAsync(CancellationToken ct)
    {
        await _schemaLock.WaitAsync(ct);
        try
        {
            if (_schemaReady) return;
            await using var connection = await _dataSource.OpenConnectionAsync(ct);
            await using var command = new NpgsqlCommand(Schema, connection);
            await command.ExecuteNonQueryAsync(ct);
            _schemaReady = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    // Timestamps are ISO 8601 text in UTC (Clock.Iso), as the API returns them; they sort correctly as text.
    private const string Schema = """
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
        -- Whose event it was: GET /internal/users/{id} lists the events applied for a user.
        ALTER TABLE processed_events ADD COLUMN IF NOT EXISTS user_id TEXT;
        CREATE INDEX IF NOT EXISTS ix_processed_events_user ON processed_events (user_id, processed_at);

        CREATE TABLE IF NOT EXISTS threads (
            id         TEXT PRIMARY KEY,
            user_id    TEXT NOT NULL,
            title      TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_threads_user ON threads (user_id, updated_at);

        CREATE TABLE IF NOT EXISTS messages (
            seq        BIGSERIAL PRIMARY KEY,  -- insertion order, the tie-breaker for equal timestamps
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
            prompt_tokens     BIGINT NOT NULL,
            completion_tokens BIGINT NOT NULL,
            recorded_at       TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_usage_user ON usage_records (user_id, recorded_at);
        """;
}

/// <summary>The backend's database cannot be reached right now; the request changed nothing. Answered with 503.</summary>
public sealed class DatabaseUnavailableException(Exception inner)
    : Exception("The platform's database is unavailable right now, so nothing was read or saved. Try again in a moment.", inner);
