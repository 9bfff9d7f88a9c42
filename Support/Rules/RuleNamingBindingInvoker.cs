using Reqnroll.Bindings;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;

namespace Netra.Acceptance.Support.Rules;

/// <summary>
/// Reqnroll's binding invoker, with one addition: when a step of a scenario that proves contract rules fails,
/// its failure opens with those rules in words ("Broken contract rule auth.lockout: after 5 failed logins ..."),
/// followed by what the step saw. A person reading a red run learns which promise broke before reading
/// any code. Skips, pending steps and hook failures pass through unchanged.
/// </summary>
public sealed class RuleNamingBindingInvoker(BindingInvoker inner) : IAsyncBindingInvoker
{
    public async Task<object> InvokeBindingAsync(IBinding binding, IContextManager contextManager, object[] arguments,
        ITestTracer testTracer, DurationHolder durationHolder)
    {
        try
        {
            return await inner.InvokeBindingAsync(binding, contextManager, arguments, testTracer, durationHolder);
        }
        catch (Exception failure) when (binding is IStepDefinitionBinding && IsAFailure(failure)
                                         && RulesOf(contextManager) is { Count: > 0 } rules)
        {
            throw new ContractRuleBrokenException(rules, failure, contextManager.FeatureContext?.FeatureInfo?.Title);
        }
    }

    private static IReadOnlyList<ContractRule> RulesOf(IContextManager contextManager) =>
        contextManager.ScenarioContext?.ScenarioInfo is { } scenario
            ? ContractRules.IdsIn(scenario.CombinedTags).Select(ContractRules.Current.Find).OfType<ContractRule>().ToList()
            : [];

    /// <summary>An assertion or an error; not a skip (xUnit's dynamic skip) or a pending step, which the runtime must see as they are.</summary>
    private static bool IsAFailure(Exception e) =>
        e is not PendingStepException && e is not ContractRuleBrokenException
        && !e.Message.Contains("$XunitDynamicSkip$", StringComparison.Ordinal)
        && !e.GetType().Name.Contains("Skip", StringComparison.Ordinal);
}

/// <summary>A step's failure in a scenario that proves contract rules: names the rules, then what was seen.</summary>
public sealed class ContractRuleBrokenException(IReadOnlyList<ContractRule> rules, Exception seen, string? journey = null)
    : Exception(Describe(rules, seen, journey), seen)
{
    public IReadOnlyList<ContractRule> Rules { get; } = rules;

    private static string Describe(IReadOnlyList<ContractRule> rules, Exception seen, string? journey) =>
        (rules.Count == 1 ? "Broken contract rule " : "Broken contract rule, one of: ")
        + string.Join("; ", rules.Select(r => $"{r.Id}: {r.Text}"))
        + $"{Environment.NewLine}What the step saw: {seen.Message}"
        + (journey is null ? "" : $"{Environment.NewLine}Runbook: {Reports.Runbooks.PathFor(journey)}");
}
