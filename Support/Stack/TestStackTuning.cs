using System.Globalization;

namespace Netra.Acceptance.Support.Stack;

/// <summary>
/// Settings the harness gives the local stack so that time-bound behaviour is quick to observe:
/// a rate window of a few seconds (instead of a minute) with small allowances that still grow with
/// the plan, and a short LLM timeout. Scenarios read the allowances from here (or the contract's
/// defaults when attached) and wait for what the services announce (Retry-After), never a guess.
/// </summary>
public static class TestStackTuning
{
    // Long enough that a burst fits in one window even on a loaded machine, short enough to wait out once.
    public static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(8);
    // Short enough that "the model is too slow" costs a scenario seconds, long enough for a loaded CI machine.
    public static readonly TimeSpan LlmTimeout = TimeSpan.FromSeconds(4);

    public static readonly IReadOnlyDictionary<string, int> PlanAllowances =
        new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["free"] = 3, ["early"] = 4, ["mid"] = 5, ["enterprise"] = 7 };

    /// <summary>The contract's per-minute allowances, for an environment the suite did not start.</summary>
    public static readonly IReadOnlyDictionary<string, int> ContractPlanAllowances =
        new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["free"] = 10, ["early"] = 30, ["mid"] = 60, ["enterprise"] = 300 };

    /// <summary>The backend's default LLM_TIMEOUT_SECONDS.</summary>
    public static readonly TimeSpan ContractLlmTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The backend's environment variables for the above (docs/stack-interface.md).</summary>
    private static IReadOnlyDictionary<string, string> BackendEnvironment => new Dictionary<string, string>
    {
        ["RATE_LIMIT_WINDOW_SECONDS"] = RateWindow.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        ["RATE_LIMIT_FREE"] = PlanAllowances["free"].ToString(CultureInfo.InvariantCulture),
        ["RATE_LIMIT_EARLY"] = PlanAllowances["early"].ToString(CultureInfo.InvariantCulture),
        ["RATE_LIMIT_MID"] = PlanAllowances["mid"].ToString(CultureInfo.InvariantCulture),
        ["RATE_LIMIT_ENTERPRISE"] = PlanAllowances["enterprise"].ToString(CultureInfo.InvariantCulture),
        ["LLM_TIMEOUT_SECONDS"] = LlmTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// What the suite changes, per service, in the environment stack/stack.json describes, so that a run on two cores is
    /// quick and time-bound behaviour shows within a scenario (docs/stack-interface.md names each variable).
    /// </summary>
    public static IReadOnlyDictionary<string, string> EnvironmentOf(string service) => service switch
    {
        "auth" => new Dictionary<string, string>
        {
            // Argon2id at 1 MiB and one pass instead of 19 MiB and two: a run hashes hundreds of passwords on two cores.
            ["PASSWORD_HASH_MEMORY_KIB"] = "1024",
            ["PASSWORD_HASH_PASSES"] = "1",
            // Give up on a user event the platform keeps refusing after 3 tries (1 s + 2 s of backoff), not 5.
            ["USER_EVENT_ATTEMPTS"] = "3",
            ["LOGIN_LOCKOUT_MINUTES"] = "0.15", // 9 s, so the lockout scenario sees it pass without waiting minutes
        },
        "backend" => new Dictionary<string, string>
        {
            ["TOKEN_CHECK_CACHE_SECONDS"] = "0.5", // revocations reach the backend within moments
            ["TOKEN_RECHECK_SECONDS"] = "0.5",
        }.With(BackendEnvironment),
        _ => new Dictionary<string, string>(),
    };

    /// <summary>Adds the entries to a service's environment (the variables above win).</summary>
    public static Dictionary<string, string> With(this Dictionary<string, string> environment, IReadOnlyDictionary<string, string> more)
    {
        foreach (var (key, value) in more) environment[key] = value;
        return environment;
    }
}
