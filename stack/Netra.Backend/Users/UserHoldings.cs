using Netra.Backend.Infrastructure;

namespace Netra.Backend.Users;

/// <summary>How much the backend holds for one user (GET /internal/users/{id}).</summary>
public sealed record Holdings(long Threads, long Messages);

/// <summary>
/// Counts what the backend keeps for a user. Usage records are not counted: billing outlives a deleted account.
/// </summary>
public sealed class UserHoldingsStore(Database db)
{
    public async Task<Holdings> CountAsync(string userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT
                (SELECT count(*) FROM threads WHERE user_id = @user),
                (SELECT count(*) FROM messages JOIN threads ON threads.id = messages.thread_id WHERE threads.user_id = @user)
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@user";
        parameter.Value = userId;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Holdings(reader.GetInt64(0), reader.GetInt64(1));
    }
}
