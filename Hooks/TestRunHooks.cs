using Netra.Acceptance.Support.Browser;
using Netra.Acceptance.Support.Stack;

namespace Netra.Acceptance.Hooks;

/// <summary>Starts (or attaches to) the Netra environment once for the run, and stops it afterwards.</summary>
[Binding]
public sealed class TestRunHooks
{
    [BeforeTestRun]
    public static async Task StartEnvironment()
    {
        var settings = SuiteSettings.FromEnvironment();
        // Chromium takes seconds to start: overlap it with the services' startup.
        BrowserHost.WarmUp(settings);
        await TestRun.StartAsync(settings);
    }

    [AfterTestRun]
    public static async Task StopEnvironment()
    {
        if (TestRun.IsAttached)
        {
            var summary = TestRun.Accounts.Summary(TestRun.Environment.Settings.TestEmailDomain);
            Console.Out.Write(summary);
            Directory.CreateDirectory(TestRun.Environment.Settings.ResultsDirectory);
            await File.WriteAllTextAsync(Path.Combine(TestRun.Environment.Settings.ResultsDirectory, "accounts.txt"), summary);
        }
        await BrowserHost.StopAsync();
        await TestRun.StopAsync();
    }
}
