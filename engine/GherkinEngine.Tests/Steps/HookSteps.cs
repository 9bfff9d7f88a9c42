using FluentAssertions;

namespace GherkinEngine.Tests.Steps;

/// <summary>Hooks scoped to the @hooks feature (hooks apply to every feature of the assembly otherwise).</summary>
[Binding]
public sealed class HookSteps(FeatureContext featureContext)
{
    private static volatile bool s_testRunStarted;
    private readonly List<string> _log = new();
    private int _beforeSteps;
    private int _afterSteps;

    [BeforeTestRun]
    public static void BeforeTestRun() => s_testRunStarted = true;

    [AfterTestRun]
    public static void AfterTestRun() { }

    [BeforeFeature("hooks")]
    public static void BeforeFeature(FeatureContext feature) => feature["before feature"] = feature.FeatureInfo.Title;

    [AfterFeature("hooks")]
    public static void AfterFeature(FeatureContext feature) => feature.Should().ContainKey("before feature");

    [BeforeScenario("hooks", Order = 2)]
    public void Second() => _log.Add("second");

    [BeforeScenario("hooks")]
    public void Default() => _log.Add("default");

    [BeforeScenario("@hooks", Order = 1)]
    public void First() => _log.Add("first");

    [BeforeScenario("tagged", Order = 20000)]
    public void Tagged(ScenarioContext scenario) => _log.Add(scenario.ScenarioInfo.Tags.Single());

    [BeforeStep("hooks")]
    public void BeforeStep() => _beforeSteps++;

    [AfterStep("hooks")]
    public void AfterStep() => _afterSteps++;

    [AfterScenario("hooks")]
    public void AfterScenario(ScenarioContext scenario) => scenario.ScenarioExecutionStatus.Should().Be(ScenarioExecutionStatus.OK);

    [Then("the before scenario hooks ran as {string}")]
    public void ThenTheHooksRanAs(string order) => string.Join(",", _log).Should().Be(order);

    [Then("the test run and feature hooks ran")]
    public void ThenTheTestRunAndFeatureHooksRan()
    {
        s_testRunStarted.Should().BeTrue();
        featureContext.Get<string>("before feature").Should().Be("Hooks");
    }

    [Then("before step hooks ran {int} times and after step hooks {int} times")]
    public void ThenStepHooksRan(int before, int after)
    {
        _beforeSteps.Should().Be(before);
        _afterSteps.Should().Be(after);
    }
}
