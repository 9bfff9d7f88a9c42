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
    /// <summary>
    /// Makes the platform's database refuse to store one name for one user (as PostgreSQL refuses a NUL), with an
    /// error that is not an outage: the platform cannot apply the user event that carries it.
    /// </summary>
    public Task RefuseNameAsync(string userId, string name)
    {
        var stack = environment.Environment.LocalStack;
        if (stack is null)
            LeftOut.Because("Left out on an environment the suite did not start: this scenario makes the platform's database refuse a value, " +
                            "which only the suite's own stack allows.");
        if (!Guid.TryParse(userId, out var id)) throw new ArgumentException($"Not a user id: {userId}");
        return PostgresServer.ExecuteAsync(stack.DatabaseUrl, $"""
            CREATE OR REPLACE FUNCTION acceptance_refuse_name() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN RAISE EXCEPTION 'acceptance: the database cannot store this name' USING ERRCODE = '22021'; END $fn$;
            CREATE TRIGGER acceptance_refuse_name_{id:N} BEFORE INSERT OR UPDATE ON users FOR EACH ROW
              WHEN (NEW.id = '{id}' AND NEW.name = '{name.Replace("'", "''")}') EXECUTE FUNCTION acceptance_refuse_name();
            """);
    }

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
