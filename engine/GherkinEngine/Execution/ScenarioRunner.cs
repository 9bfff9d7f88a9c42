using System.Diagnostics;

namespace GherkinEngine.Runner;

/// <summary>
/// Runs scenarios against a <see cref="BindingRegistry"/>: hooks, steps, context injection, disposal,
/// and a per-step report. Used by the generated xUnit tests, and directly to run a feature text with
/// chosen binding types (failure paths can be asserted on the returned results).
/// </summary>
public sealed class ScenarioRunner
{
    /// <summary>The environment variable that turns on the dry run (<c>1</c> or <c>true</c>).</summary>
    public const string DryRunVariable = DryRunMode.Variable;

    public ScenarioRunner(BindingRegistry registry) => Registry = registry ?? throw new ArgumentNullException(nameof(registry));

    public BindingRegistry Registry { get; }

    /// <summary>
    /// Dry run: steps are bound but nothing runs (no hooks, no steps); a scenario fails only when a step is
    /// undefined, ambiguous or does not fit. Generated tests set it from the <c>GHERKIN_DRY_RUN</c> environment
    /// variable (1/true); a runner created in code runs for real unless told otherwise.
    /// </summary>
    public bool DryRun { get; init; }

    /// <summary>Called for each new scenario container, e.g. to register test doubles when running features directly.</summary>
    public Action<IObjectContainer>? ScenarioContainerSetup { get; init; }

    /// <summary>Runs a feature: [BeforeFeature] hooks, every scenario in file order, [AfterFeature] hooks.</summary>
    public async Task<FeatureResult> RunFeatureAsync(FeatureDefinition feature, CancellationToken cancellationToken = default)
    {
        if (feature.ParseError is not null)
            throw new InvalidOperationException(feature.ParseError);
        var session = new FeatureSession(this, feature);
        var results = new List<ScenarioResult>();
        foreach (var scenario in feature.Scenarios)
            results.Add(await session.RunScenarioAsync(scenario, cancellationToken).ConfigureAwait(false));
        Exception? afterFeature = null;
        try
        {
            await session.EndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            afterFeature = e;
        }
        return new FeatureResult(feature, results, afterFeature);
    }

    /// <summary>Runs one scenario in a fresh feature context (no feature hooks).</summary>
    public Task<ScenarioResult> RunScenarioAsync(ScenarioDefinition scenario, CancellationToken cancellationToken = default)
    {
        var container = new ObjectContainer();
        var featureContext = new FeatureContext(new FeatureInfo(scenario.Feature), container);
        container.RegisterInstanceAs(featureContext);
        container.RegisterInstanceAs(featureContext.FeatureInfo);
        return RunAsync(scenario, featureContext, null, null, cancellationToken);
    }

    /// <param name="setupFailure">A failed [BeforeTestRun]/[BeforeFeature] hook: the scenario fails with it, nothing runs.</param>
    /// <param name="outputPrefix">Output of feature hooks, shown with the first scenario.</param>
    internal async Task<ScenarioResult> RunAsync(ScenarioDefinition scenario, FeatureContext featureContext,
        HookFailedException? setupFailure, string? outputPrefix, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var startedAt = DateTimeOffset.UtcNow;
        var output = new ScenarioOutput(outputPrefix);
        var container = new ObjectContainer(featureContext.Container);
        var context = new ScenarioContext(new ScenarioInfo(scenario), container);
        container.RegisterInstanceAs(context);
        container.RegisterInstanceAs(context.ScenarioInfo);
        container.RegisterInstanceAs(featureContext);
        container.RegisterInstanceAs(featureContext.FeatureInfo);
        container.RegisterInstanceAs<IReqnrollOutputHelper>(output);
        container.RegisterInstanceAs<Xunit.ITestOutputHelper>(new ScenarioTestOutputHelper(output));
        ScenarioContainerSetup?.Invoke(container);

        var run = new ScenarioExecution(this, scenario, context, container, output, cancellationToken);
        if (setupFailure is not null)
            // A fresh wrapper per scenario: one exception object must not be rethrown by parallel tests.
            run.FailSetup(new HookFailedException(setupFailure.Hook, setupFailure.InnerException!));
        else if (Registry.Errors.Count > 0)
            run.FailSetup(new BindingException("The step bindings have errors:\n  " + string.Join("\n  ", Registry.Errors)), ScenarioExecutionStatus.BindingError);
        else if (DryRun)
            run.DryRun();
        else
            await run.RunAsync().ConfigureAwait(false);

        try
        {
            await container.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            run.Fail(e, "Disposal");
        }

        return new ScenarioResult(scenario, run.Status, run.Results, run.Error, output.ToString(), Stopwatch.GetElapsedTime(started))
        {
            StartedAt = startedAt,
            Attachments = output.Attachments,
        };
    }
}

/// <summary>Reads the dry-run switch from the environment.</summary>
internal static class DryRunMode
{
    public const string Variable = "GHERKIN_DRY_RUN";

    public static bool Enabled =>
        Environment.GetEnvironmentVariable(Variable)?.Trim().ToLowerInvariant() is "1" or "true" or "yes";
}
