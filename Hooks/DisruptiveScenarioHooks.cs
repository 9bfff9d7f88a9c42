using GherkinEngine;
using Netra.Acceptance.Support.Context;

namespace Netra.Acceptance.Hooks;

/// <summary>
/// A scenario tagged @disruptive stops, kills or restarts services. It gets a stack of its own,
/// started before any of its steps, so the scenarios running beside it never notice.
/// </summary>
[Binding]
public sealed class DisruptiveScenarioHooks(EnvironmentContext environment)
{
    [BeforeScenario("disruptive", Order = 0)]
    public Task GiveTheScenarioItsOwnStack() => environment.UsePrivateStackAsync();
}
