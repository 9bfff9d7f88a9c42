using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Netra.Auth.Accounts;

public sealed record UserRecord(
    string Id,
    string Email,
    string Name,
    string? PasswordHash,
    string PlanTier,
    IReadOnlyList<string> Permissions,
    string AuthProvider,
    DateTimeOffset CreatedAt);

/// <summary>SQL for the users table. Emails are stored normalised, so lookups are plain equality.</summary>
public static class UserStore
{
    private const string Columns = "id, email, name, password_hash, plan_tier, permissions, auth_provider, created_at";

    public static async Task<UserRecord?> FindByEmailAsync(SqliteConnection conn, string normalizedEmail, SqliteTransaction? tx = null)
    {
        await using var reader = await conn.Command($"SELECT {Columns} FROM users WHERE email = $email", tx,
            ("$email", normalizedEmail)).ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    public static async Task<UserRecord?> FindByIdAsync(SqliteConnection conn, string id, SqliteTransaction? tx = null)
    {
        await using var reader = await conn.Command($"SELECT {Columns} FROM users WHERE id = $id", tx,
            ("$id", id)).ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    public static async Task InsertAsync(SqliteConnection conn, SqliteTransaction tx, UserRecord user)
    {
        var created = user.CreatedAt.ToUnixTimeMilliseconds();
        await conn.Command("""
            INSERT INTO users (id, email, name, password_hash, plan_tier, permissions, auth_provider, created_at, updated_at)
            VALUES ($id, $email, $name, $hash, $plan, $perms, $provider, $created, $created)
            """, tx,
            ("$id", user.Id), ("$email", user.Email), ("$name", user.Name), ("$hash", user.PasswordHash),
            ("$plan", user.PlanTier), ("$perms", JsonSerializer.Serialize(user.Permissions)),
            ("$provider", user.AuthProvider), ("$created", created)).ExecuteNonQueryAsync();
    }

    public static async Task UpdatePasswordHashAsync(SqliteConnection conn, SqliteTransaction tx, string id, string hash) =>
        await conn.Command("UPDATE users SET password_hash = $hash, updated_at = $now WHERE id = $id", tx,
            ("$hash", hash), ("$now", SqliteExtensions.NowMs()), ("$id", id)).ExecuteNonQueryAsync();

    public static async Task UpdateNameAsync(SqliteConnection conn, SqliteTransaction tx, string id, string name) =>
        await conn.Command("UPDATE users SET name = $name, updated_at = $now WHERE id = $id", tx,
            ("$name", name), ("$now", SqliteExtensions.NowMs()), ("$id", id)).ExecuteNonQueryAsync();

    private static UserRecord Read(SqliteDataReader r) => new(
        Id: r.GetString(0),
        Email: r.GetString(1),
        Name: r.GetString(2),
        PasswordHash: r.IsDBNull(3) ? null : r.GetString(3),
        PlanTier: r.GetString(4),
        Permissions: JsonSerializer.Deserialize<string[]>(r.GetString(5)) ?? [],
        AuthProvider: r.GetString(6),
        CreatedAt: DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7)));
}
