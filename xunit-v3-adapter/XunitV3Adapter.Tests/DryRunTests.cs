namespace XunitV3Adapter.Tests;

/// <summary>Reqnroll's dry run (REQNROLL_DRY_RUN=true): every step must be bound; no hook and no step code runs.</summary>
public sealed class DryRunTests(SampleRuns runs)
{
    private SampleRun Run => runs.DryRun;

    [Fact]
    public void Scenarios_whose_steps_are_all_bound_pass_without_running_any_code()
    {
        Run.Test("Outcomes: A failing step").Result.Should().Be("Pass", "its step code does not run");
        Run.Test("Lifecycle: Second fails").Result.Should().Be("Pass");
        Run.Log.Should().BeEmpty("no hook and no step runs in a dry run");
    }

    [Fact]
    public void A_scenario_with_an_undefined_step_fails()
    {
        Run.Test("Outcomes: An undefined step").Result.Should().Be("Fail");
        Run.Test("Outcomes: An undefined step").Output.Should().Contain("I do something nobody wrote");
    }
}
