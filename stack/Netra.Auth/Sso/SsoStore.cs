using Microsoft.Data.Sqlite;

namespace Netra.Auth.Sso;

/// <summary>A sign-in in flight: what /auth/login?provider=google remembered for its callback.</summary>
public sealed record PendingSignIn(string State, string Nonce, string CodeVerifier, long CreatedAtMs);

/// <summary>SQL for Google sign-in: pending sign-ins (single use) and the links of provider identities to users.</summary>
public static class SsoStore
{
    public static void EnsureSchema(AuthDb db)
    {
        using var conn = db.OpenAsync().GetAwaiter().GetResult();
        conn.Command("""
            CREATE TABLE IF NOT EXISTS oauth_states (
                state         TEXT PRIMARY KEY,
                nonce         TEXT NOT NULL,
                code_verifier TEXT NOT NULL,
                created_at    INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS external_logins (
                provider   TEXT NOT NULL,
                subject    TEXT NOT NULL,
                user_id    TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (provider, subject));
            CREATE INDEX IF NOT EXISTS ix_external_logins_user ON external_logins(user_id);
            """).ExecuteNonQuery();
    }

    public static Task SaveAsync(SqliteConnection conn, SqliteTransaction tx, PendingSignIn p) =>
        conn.Command("INSERT INTO oauth_states (state, nonce, code_verifier, created_at) VALUES ($s, $n, $v, $t)", tx,
            ("$s", p.State), ("$n", p.Nonce), ("$v", p.CodeVerifier), ("$t", p.CreatedAtMs)).ExecuteNonQueryAsync();

    /// <summary>Removes and returns the pending sign-in of <paramref name="state"/>: each state works once.</summary>
    public static async Task<PendingSignIn?> TakeAsync(SqliteConnection conn, SqliteTransaction tx, string state)
    {
        PendingSignIn? found = null;
        await using (var r = await conn.Command("SELECT state, nonce, code_verifier, created_at FROM oauth_states WHERE state = $s", tx,
                         ("$s", state)).ExecuteReaderAsync())
        {
            if (await r.ReadAsync()) found = new PendingSignIn(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3));
        }
        if (found is not null)
            await conn.Command("DELETE FROM oauth_states WHERE state = $s", tx, ("$s", state)).ExecuteNonQueryAsync();
        return found;
    }

    public static async Task<string?> FindLinkedUserAsync(SqliteConnection conn, SqliteTransaction tx, string provider, string subject) =>
        await conn.Command("SELECT user_id FROM external_logins WHERE provider = $p AND subject = $s", tx,
            ("$p", provider), ("$s", subject)).ExecuteScalarAsync() as string;

    public static Task LinkAsync(SqliteConnection conn, SqliteTransaction tx, string provider, string subject, string userId) =>
        conn.Command("INSERT INTO external_logins (provider, subject, user_id, created_at) VALUES ($p, $s, $u, $t)", tx,
            ("$p", provider), ("$s", subject), ("$u", userId), ("$t", SqliteExtensions.NowMs())).ExecuteNonQueryAsync();
}
