using Xunit;

namespace XunitV3Adapter.Sample.Bindings;

/// <summary>The log the adapter's tests read: one line per hook, step and disposal, in the order they happened.</summary>
public static class LifecycleLog
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "TestResults", "lifecycle.log");

    private static readonly Lock Gate = new();

    public static void Write(string line)
    {
        lock (Gate)
            File.AppendAllText(Path, line + "\n");
    }
}

/// <summary>Only asynchronously disposable, like a browser window: Reqnroll's container alone would never dispose it.</summary>
public sealed class Driver(ScenarioInfo scenario) : IAsyncDisposable
{
    public void Use() => LifecycleLog.Write($"driver used: {scenario.Title}");

    public async ValueTask DisposeAsync()
    {
        await Task.Yield();
        LifecycleLog.Write($"driver disposed: {scenario.Title}");
    }
}

[Binding]
public sealed class LifecycleBindings(ScenarioContext scenario, IReqnrollOutputHelper output)
{
    [BeforeTestRun]
    public static void BeforeTestRun()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(LifecycleLog.Path)!);
        File.WriteAllText(LifecycleLog.Path, "");
        LifecycleLog.Write("before test run");
    }

    [AfterTestRun]
    public static void AfterTestRun() => LifecycleLog.Write("after test run");

    [BeforeFeature("lifecycle")]
    public static void BeforeFeature(FeatureContext feature) => LifecycleLog.Write($"before feature: {feature.FeatureInfo.Title}");

    [AfterFeature("lifecycle")]
    public static void AfterFeature(FeatureContext feature) => LifecycleLog.Write($"after feature: {feature.FeatureInfo.Title}");

    [BeforeScenario("lifecycle")]
    public void BeforeScenario() => LifecycleLog.Write($"before scenario: {scenario.ScenarioInfo.Title}");

    [AfterScenario("lifecycle")]
    public void AfterScenario() => LifecycleLog.Write($"after scenario: {scenario.ScenarioInfo.Title}");

    [BeforeScenario("left-out")]
    public void LeaveOut() => Assert.Skip("Not run: this environment cannot run it.");

    [AfterScenario("after-fails")]
    public void FailAfterwards() => throw new InvalidOperationException("The after-scenario hook failed.");

    [Then("the step {string} is logged")]
    public void ThenTheStepIsLogged(string name) => LifecycleLog.Write($"step: {name}");

    [Then("this step fails")]
    public void ThenThisStepFails() => throw new InvalidOperationException("This step fails on purpose.");

    [Then("an attachment is added")]
    public void ThenAnAttachmentIsAdded()
    {
        var file = System.IO.Path.Combine(AppContext.BaseDirectory, "TestResults", "note.txt");
        File.WriteAllText(file, "attached");
        output.AddAttachment(file);
    }
}

[Binding]
public sealed class DriverSteps(Driver driver)
{
    [Given("a driver that must be disposed")]
    public void GivenADriver() => driver.Use();
}
