using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Stack;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>
/// Makes the platform's database fail one half of an all-or-nothing write, for one user only: it refuses to record
/// what her answers cost (a trigger on the backend's usage records, raising a connection-failure error), while it
/// still takes her messages. Only on a stack the suite started (features tagged @disruptive), as the stack interface
/// allows (docs/stack-interface.md, "The suite may direct the backend's database").
/// </summary>
public sealed class PlatformDatabaseFaults(EnvironmentContext environment)
{
    public Task RefuseUsageRecordsOfAsync(string userId)
    {
        var stack = environment.Environment.LocalStack
            ?? throw new InvalidOperationException("Directing the platform's database needs a stack the suite started (tag the feature @disruptive).");
        if (!Guid.TryParse(userId, out var id)) throw new ArgumentException($"Not a user id: {userId}");
        var name = $"acceptance_refuse_usage_{id:N}";
        return PostgresServer.ExecuteAsync(stack.DatabaseUrl, $"""
            CREATE OR REPLACE FUNCTION acceptance_refuse_usage() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN RAISE EXCEPTION 'acceptance: the database refuses this usage record' USING ERRCODE = '08006'; END $fn$;
            CREATE TRIGGER {name} BEFORE INSERT ON usage_records FOR EACH ROW
              WHEN (NEW.user_id = '{id}') EXECUTE FUNCTION acceptance_refuse_usage();
            """);
    }
}
