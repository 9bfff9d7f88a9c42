using Netra.Acceptance.Support.Stack;

namespace Netra.Acceptance.Hooks;

/// <summary>
/// A feature tagged @disruptive stops, kills or restarts services. It gets a stack of its own,
/// started before its first scenario, so the features running beside it never notice; after
/// each of its scenarios every service is brought back, so the next one starts whole.
/// Attached to an environment the suite did not start, its scenarios are refused: reported as
/// skipped with the reason, never run against somebody else's services.
/// </summary>
[Binding]
public sealed class DisruptiveScenarioHooks(ServiceControl services, ScenarioContext scenario, IReqnrollOutputHelper output)
{
    [BeforeFeature("disruptive")]
    public static Task GiveTheFeatureItsOwnStack(FeatureContext feature) =>
        TestRun.Environment.IsLocal ? PrivateStack.StartForAsync(feature) : Task.CompletedTask;

    [AfterFeature("disruptive")]
    public static Task StopTheFeaturesStack(FeatureContext feature) => PrivateStack.StopForAsync(feature);

    [BeforeScenario("disruptive", Order = 0)]
    public void RefuseOnSomebodyElsesEnvironment()
    {
        if (TestRun.Environment.IsLocal) return;
        const string reason = "Not run: this scenario stops and restarts services, so it runs only on a stack the suite starts " +
                              "itself, never on an environment it was pointed at.";
        LeftOut.Because(reason, scenario, output);
    }

    [AfterScenario("disruptive")]
    public Task BringEveryServiceBack() => services.StartEveryStoppedServiceAsync();
}
