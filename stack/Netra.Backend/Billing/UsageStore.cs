using Netra.Backend.Agents;
using Netra.Backend.Infrastructure;
using Npgsql;

namespace Netra.Backend.Billing;

public sealed record UsageTotals(long Runs, long PromptTokens, long CompletionTokens);

/// <summary>Usage records: exactly one per completed agent run, keyed by its run id.</summary>
public sealed class UsageStore(Database db)
{
    /// <summary>
    /// Records a completed run's tokens inside the caller's transaction, so the answer and its
    /// usage are stored together or not at all. A second call for the same run changes nothing (returns false).
    /// </summary>
    public static async Task<bool> RecordAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string runId, string userId,
        string threadId, string agentName, LlmUsage usage, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO usage_records (run_id, user_id, thread_id, agent_name, prompt_tokens, completion_tokens, recorded_at)
            VALUES (@run, @user, @thread, @agent, @prompt, @completion, @now)
            ON CONFLICT (run_id) DO NOTHING
            """, connection, tx);
        command.Parameters.AddWithValue("@run", runId);
        command.Parameters.AddWithValue("@user", userId);
        command.Parameters.AddWithValue("@thread", threadId);
        command.Parameters.AddWithValue("@agent", agentName);
        command.Parameters.AddWithValue("@prompt", (long)usage.PromptTokens);
        command.Parameters.AddWithValue("@completion", (long)usage.CompletionTokens);
        command.Parameters.AddWithValue("@now", Timestamps.Now());
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>One user's totals over [from, to).</summary>
    public async Task<UsageTotals> TotalsAsync(string userId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*), coalesce(sum(prompt_tokens), 0), coalesce(sum(completion_tokens), 0)
            FROM usage_records WHERE user_id = @user AND recorded_at >= @from AND recorded_at < @to
            """;
        command.Parameters.AddWithValue("@user", userId);
        command.Parameters.AddWithValue("@from", Timestamps.Format(from));
        command.Parameters.AddWithValue("@to", Timestamps.Format(to));
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new UsageTotals(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
