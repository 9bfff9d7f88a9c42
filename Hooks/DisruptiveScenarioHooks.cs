using GherkinEngine;
using Netra.Acceptance.Support.Drivers;
using Netra.Acceptance.Support.Stack;

namespace Netra.Acceptance.Hooks;

/// <summary>
/// A feature tagged @disruptive stops, kills or restarts services. It gets a stack of its own,
/// started before its first scenario, so the features running beside it never notice; after
/// each of its scenarios every service is brought back, so the next one starts whole.
/// </summary>
[Binding]
public sealed class DisruptiveScenarioHooks(ServiceControl services)
{
    [BeforeFeature("disruptive")]
    public static Task GiveTheFeatureItsOwnStack(FeatureContext feature) => PrivateStack.StartForAsync(feature);

    [AfterFeature("disruptive")]
    public static Task StopTheFeaturesStack(FeatureContext feature) => PrivateStack.StopForAsync(feature);

    [AfterScenario("disruptive")]
    public Task BringEveryServiceBack() => services.StartEveryStoppedServiceAsync();
}
