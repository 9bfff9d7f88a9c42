using GherkinEngine;
using Netra.Acceptance.Support.Browser;
using Netra.Acceptance.Support.Stack;

namespace Netra.Acceptance.Hooks;

/// <summary>Starts (or attaches to) the Netra environment once for the run, and stops it afterwards.</summary>
[Binding]
public sealed class TestRunHooks
{
    [BeforeTestRun]
    public static Task StartEnvironment() => TestRun.StartAsync();

    [AfterTestRun]
    public static async Task StopEnvironment()
    {
        await BrowserHost.StopAsync();
        await TestRun.StopAsync();
    }
}
