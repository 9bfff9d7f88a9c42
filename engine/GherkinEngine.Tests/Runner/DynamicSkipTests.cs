using FluentAssertions;

namespace GherkinEngine.Tests.Runner;

/// <summary>Assert.Skip in a before-scenario hook reports the scenario as skipped with its reason, not as a failed hook.</summary>
public sealed class DynamicSkipTests
{
    public sealed class SkippingHook(Log log)
    {
        [BeforeScenario]
        public void NotApplicable() => Assert.Skip("needs something this environment lacks");

        [Given("a step")]
        public void Step() => log.Add("step");
    }

    [Fact]
    public async Task A_dynamic_skip_in_a_hook_is_rethrown_unwrapped_and_no_step_runs()
    {
        var log = new Log();
        var result = await RunnerKit.RunAsync("Feature: F\n  Scenario: S\n    Given a step\n", log, typeof(SkippingHook));

        var error = result.Scenarios.Single().Error!;
        error.Should().BeOfType<HookFailedException>();
        var thrown = FeatureTests.SkipOrError(error);
        thrown.Message.Should().StartWith("$XunitDynamicSkip$").And.EndWith("needs something this environment lacks");
        log.Entries.Should().BeEmpty();
    }

    [Fact]
    public void Other_hook_failures_stay_failures()
    {
        var error = new InvalidOperationException("boom");
        FeatureTests.SkipOrError(error).Should().BeSameAs(error);
    }
}
