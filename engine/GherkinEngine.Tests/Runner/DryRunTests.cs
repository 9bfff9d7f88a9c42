using FluentAssertions;

namespace GherkinEngine.Tests.Runner;

public sealed class DryRunTests
{
    public sealed class Bindings(Log log)
    {
        [BeforeScenario]
        public void Hook() => log.Add("hook");

        [Given("a bound step")]
        public void Bound() => log.Add("step");

        [Given("an {word} step")]
        public void Word(string w) => log.Add("step");

        [Given("an ambiguous step")]
        public void Ambiguous() => log.Add("step");
    }

    private static Task<FeatureResult> DryRunAsync(string text, Log log)
    {
        var runner = new ScenarioRunner(BindingRegistry.FromTypes(typeof(Bindings)))
        {
            DryRun = true,
            ScenarioContainerSetup = c => c.RegisterInstanceAs(log),
        };
        return runner.RunFeatureAsync(RunnerKit.Parse(text), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_dry_run_runs_no_hook_or_step_and_passes_bound_scenarios()
    {
        var log = new Log();
        var result = await DryRunAsync("Feature: F\n  Scenario: S\n    Given a bound step\n    And an odd step\n", log);

        result.Scenarios[0].Error.Should().BeNull();
        result.Scenarios[0].Statuses().Should().Equal(StepStatus.Skipped, StepStatus.Skipped);
        log.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task A_dry_run_fails_listing_every_undefined_and_ambiguous_step_with_snippets()
    {
        var log = new Log();
        var result = await DryRunAsync("""
            Feature: F
              Scenario: S
                Given a missing step
                And an ambiguous step
                And a bound step
                And another missing step with 3 items
            """, log);

        var scenario = result.Scenarios[0];
        scenario.Statuses().Should().Equal(StepStatus.Undefined, StepStatus.Ambiguous, StepStatus.Skipped, StepStatus.Undefined);
        scenario.Error.Should().BeOfType<UndefinedStepException>();
        scenario.Error!.Message.Should().Contain("a missing step").And.Contain("another missing step with 3 items")
            .And.Contain("[Given(\"another missing step with {int} items\")]")
            .And.Contain("Ambiguous step definitions for 'And an ambiguous step'");
        log.Entries.Should().BeEmpty();

        var summary = Reports.Summary(new[] { result }, dryRun: true);
        summary.Should().Contain("3 step(s) not bound").And.Contain("Features/Test.feature:3  Given a missing step  (undefined)")
            .And.Contain(":4  And an ambiguous step  (ambiguous)");
    }
}
