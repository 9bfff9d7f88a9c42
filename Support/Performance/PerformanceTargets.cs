namespace Netra.Acceptance.Support.Performance;

/// <summary>
/// The platform's published performance targets (the findings report), each overridable from the environment
/// (NETRA_TARGET_&lt;NAME&gt;_MS), and the size of the bounded load that measures them (NETRA_LOAD_CUSTOMERS, NETRA_LOAD_RATE).
/// </summary>
public sealed record PerformanceTargets
{
    public TimeSpan ColdStartToFirstAnswer { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Connect { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan TokenCheck { get; init; } = TimeSpan.FromMilliseconds(50);
    public TimeSpan NewUserVisible { get; init; } = Drivers.ContractWindows.NewUserVisible;
    public TimeSpan PlanChangeVisible { get; init; } = Drivers.ContractWindows.PlanChangeVisible;
    public TimeSpan StackUp { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many customers act at once in a measurement: small, so the load is bounded and stops by itself.</summary>
    public int Customers { get; init; } = 20;

    /// <summary>How many requests a second the customers make together where the target is about a busy platform, not a
    /// burst (NETRA_LOAD_RATE): the session checks are paced at this rate, each measured from when it was due.</summary>
    public int RequestsPerSecond { get; init; } = 100;

    public static PerformanceTargets FromEnvironment(Func<string, string?> get)
    {
        TimeSpan Ms(string name, TimeSpan fallback) =>
            double.TryParse(get($"NETRA_TARGET_{name}_MS"), System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out var ms) && ms > 0 ? TimeSpan.FromMilliseconds(ms) : fallback;
        var defaults = new PerformanceTargets();
        return new PerformanceTargets
        {
            ColdStartToFirstAnswer = Ms("COLD_START", defaults.ColdStartToFirstAnswer),
            Connect = Ms("CONNECT", defaults.Connect),
            TokenCheck = Ms("TOKEN_CHECK", defaults.TokenCheck),
            NewUserVisible = Ms("USER_VISIBLE", defaults.NewUserVisible),
            PlanChangeVisible = Ms("PLAN_VISIBLE", defaults.PlanChangeVisible),
            StackUp = Ms("STACK_UP", defaults.StackUp),
            Customers = int.TryParse(get("NETRA_LOAD_CUSTOMERS"), out var n) && n is > 0 and <= 500 ? n : defaults.Customers,
            RequestsPerSecond = int.TryParse(get("NETRA_LOAD_RATE"), out var rate) && rate is > 0 and <= 2000 ? rate : defaults.RequestsPerSecond,
        };
    }
}
