using Microsoft.Data.Sqlite;

namespace Netra.Auth.Sessions;

/// <summary>What the database knows about one issued token.</summary>
public sealed record TokenRow(string Jti, string? SessionId, string UserId, string TokenType, bool Used, bool Revoked);

/// <summary>SQL for sessions and issued tokens: issuing, rotation bookkeeping and revocation.</summary>
public static class SessionStore
{
    public static async Task<string> CreateSessionAsync(SqliteConnection conn, SqliteTransaction tx, string userId)
    {
        var id = Guid.NewGuid().ToString();
        await conn.Command("INSERT INTO sessions (id, user_id, created_at) VALUES ($id, $user, $now)", tx,
            ("$id", id), ("$user", userId), ("$now", SqliteExtensions.NowMs())).ExecuteNonQueryAsync();
        return id;
    }

    public static async Task RecordAsync(SqliteConnection conn, SqliteTransaction tx, string sessionId, string userId, TokenPair pair)
    {
        await Insert(pair.AccessJti, TokenTypes.Access, pair.AccessExpiresAt);
        await Insert(pair.RefreshJti, TokenTypes.Refresh, pair.RefreshExpiresAt);

        Task Insert(string jti, string type, DateTimeOffset expires) => conn.Command("""
            INSERT INTO tokens (jti, session_id, user_id, token_type, issued_at, expires_at)
            VALUES ($jti, $session, $user, $type, $issued, $expires)
            """, tx,
            ("$jti", jti), ("$session", sessionId), ("$user", userId), ("$type", type),
            ("$issued", pair.IssuedAt.ToUnixTimeMilliseconds()), ("$expires", expires.ToUnixTimeMilliseconds()))
            .ExecuteNonQueryAsync();
    }

    /// <summary>The token's row, revoked if either the token itself or its session is.</summary>
    public static async Task<TokenRow?> FindAsync(SqliteConnection conn, string jti, SqliteTransaction? tx = null)
    {
        await using var r = await conn.Command("""
            SELECT t.jti, t.session_id, t.user_id, t.token_type, t.used_at IS NOT NULL,
                   t.revoked_at IS NOT NULL OR s.revoked_at IS NOT NULL
            FROM tokens t LEFT JOIN sessions s ON s.id = t.session_id
            WHERE t.jti = $jti
            """, tx, ("$jti", jti)).ExecuteReaderAsync();
        if (!await r.ReadAsync()) return null;
        return new TokenRow(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetString(3),
            r.GetBoolean(4), r.GetBoolean(5));
    }

    /// <summary>Marks a refresh token used; false if another request rotated it first.</summary>
    public static async Task<bool> MarkUsedAsync(SqliteConnection conn, SqliteTransaction tx, string jti) =>
        await conn.Command("UPDATE tokens SET used_at = $now WHERE jti = $jti AND used_at IS NULL", tx,
            ("$now", SqliteExtensions.NowMs()), ("$jti", jti)).ExecuteNonQueryAsync() == 1;

    public static async Task RevokeSessionAsync(SqliteConnection conn, SqliteTransaction tx, string sessionId, string reason) =>
        await conn.Command("""
            UPDATE sessions SET revoked_at = $now, revoked_reason = $reason WHERE id = $id AND revoked_at IS NULL
            """, tx, ("$now", SqliteExtensions.NowMs()), ("$reason", reason), ("$id", sessionId)).ExecuteNonQueryAsync();

    /// <summary>
    /// Revokes one token by jti. A token this database never saw (e.g. issued before a database reset)
    /// gets a row of its own, so the revocation still holds.
    /// </summary>
    public static async Task RevokeTokenAsync(SqliteConnection conn, SqliteTransaction tx, TokenClaims claims)
    {
        var now = SqliteExtensions.NowMs();
        await conn.Command("""
            INSERT INTO tokens (jti, session_id, user_id, token_type, issued_at, expires_at, revoked_at)
            VALUES ($jti, NULL, $user, $type, $issued, $expires, $now)
            ON CONFLICT(jti) DO UPDATE SET revoked_at = COALESCE(revoked_at, $now)
            """, tx,
            ("$jti", claims.Jti), ("$user", claims.UserId), ("$type", claims.TokenType),
            ("$issued", claims.IssuedAt.ToUnixTimeMilliseconds()), ("$expires", claims.ExpiresAt.ToUnixTimeMilliseconds()),
            ("$now", now)).ExecuteNonQueryAsync();
    }
}
