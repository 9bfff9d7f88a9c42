using FluentAssertions;

namespace GherkinEngine.Tests.Runner;

public sealed class HookTests
{
    public sealed class Steps(Log log)
    {
        [Given("a step")]
        public void Step() => log.Add("step");

        [Then("it fails")]
        public void Fails() => throw new InvalidOperationException("step failed");
    }

    public sealed class OrderedHooks(Log log)
    {
        [BeforeScenario]
        public void DefaultOrder() => log.Add("before default");

        [BeforeScenario(Order = 1)]
        public void First() => log.Add("before 1");

        [BeforeScenario(Order = 20000)]
        public void Last() => log.Add("before 20000");

        [AfterScenario(Order = 5)]
        public void AfterFirst() => log.Add("after 5");

        [AfterScenario]
        public void AfterDefault() => log.Add("after default");

        [BeforeStep]
        public void BeforeStep(ScenarioContext context) => log.Add("before step " + context.StepContext!.StepInfo.Text);

        [AfterStep]
        public void AfterStep() => log.Add("after step");
    }

    public sealed class TaggedHooks(Log log)
    {
        [BeforeScenario("@fast", "slow")]
        public void Tagged(ScenarioInfo info) => log.Add("tagged hook for " + info.Title);

        [BeforeScenario("feature-tag")]
        public void FeatureTagged(ScenarioInfo info) => log.Add("feature-tagged hook for " + info.Title);
    }

    public sealed class FailingBeforeScenario(Log log)
    {
        [BeforeScenario(Order = 1)]
        public void Boom() => throw new TimeoutException("database not reachable");

        [BeforeScenario(Order = 2)]
        public void NotReached() => log.Add("second before hook");

        [AfterScenario]
        public void Cleanup(ScenarioContext context) => log.Add("after hook saw " + context.TestError?.GetType().Name);
    }

    public sealed class FailingAfterScenario
    {
        [AfterScenario]
        public static Task Broken() => Task.FromException(new IOException("cleanup failed"));
    }

    public static class FeatureHooks
    {
        public static readonly List<string> Calls = new();

        [BeforeFeature]
        public static void Before(FeatureContext feature) => Calls.Add("before " + feature.FeatureInfo.Title);

        [AfterFeature]
        public static async Task After(FeatureContext feature)
        {
            await Task.Yield();
            Calls.Add("after " + feature.FeatureInfo.Title);
        }
    }

    public static class FailingTestRun
    {
        [BeforeTestRun]
        public static void Start() => throw new InvalidOperationException("environment missing");
    }

    public sealed class RunSettings(string name)
    {
        public string Name => name;
    }

    public static class RegisteringTestRun
    {
        [BeforeTestRun]
        public static void Register(IObjectContainer container) => container.RegisterInstanceAs(new RunSettings("shared"));
    }

    public sealed class SettingsSteps(RunSettings settings, Log log)
    {
        [Given("the run settings are available")]
        public void Available() => log.Add(settings.Name);
    }

    public sealed class InstanceFeatureHook
    {
        [BeforeFeature]
        public void NotStatic() { }
    }

    [Fact]
    public async Task Hooks_run_in_ascending_order_after_hooks_too()
    {
        var log = new Log();
        await RunnerKit.RunAsync("""
            Feature: Order
              Scenario: One
                Given a step
            """, log, typeof(Steps), typeof(OrderedHooks));

        log.Entries.Should().Equal(
            "before 1", "before default", "before 20000",
            "before step a step", "step", "after step",
            "after 5", "after default");
    }

    [Fact]
    public async Task Tagged_hooks_apply_only_to_scenarios_with_any_of_their_tags()
    {
        var log = new Log();
        await RunnerKit.RunAsync("""
            Feature: Tags
              @fast
              Scenario: Fast
                Given a step

              Scenario: Untagged
                Given a step

              Scenario Outline: Outline <n>
                Given a step

                @slow
                Examples:
                  | n |
                  | 1 |

                Examples:
                  | n |
                  | 2 |
            """, log, typeof(Steps), typeof(TaggedHooks));

        log.Entries.Where(e => e.Contains("hook")).Should().Equal("tagged hook for Fast", "tagged hook for Outline 1");
    }

    [Fact]
    public async Task Hook_tags_match_feature_and_rule_tags()
    {
        var log = new Log();
        await RunnerKit.RunAsync("""
            Feature: Tags
              Scenario: Plain
                Given a step

              @feature-tag
              Rule: Tagged rule
                Scenario: In rule
                  Given a step
            """, log, typeof(Steps), typeof(TaggedHooks));

        log.Entries.Where(e => e.Contains("hook")).Should().Equal("feature-tagged hook for In rule");
    }

    [Fact]
    public async Task Failing_before_scenario_hook_fails_the_scenario_naming_the_hook_and_after_hooks_still_run()
    {
        var log = new Log();
        var result = (await RunnerKit.RunAsync("""
            Feature: Hooks
              Scenario: One
                Given a step
            """, log, typeof(Steps), typeof(FailingBeforeScenario))).Scenarios.Single();

        result.Status.Should().Be(ScenarioExecutionStatus.TestError);
        result.Statuses().Should().Equal(StepStatus.Skipped);
        var error = result.Error.Should().BeOfType<HookFailedException>().Subject;
        error.Message.Should().Contain("[BeforeScenario] hook HookTests.FailingBeforeScenario.Boom()").And.Contain("database not reachable");
        error.InnerException.Should().BeOfType<TimeoutException>();
        log.Entries.Should().Equal("after hook saw HookFailedException");
    }

    [Fact]
    public async Task Failing_after_scenario_hook_fails_a_passing_scenario_naming_the_hook()
    {
        var result = (await RunnerKit.RunAsync("""
            Feature: Hooks
              Scenario: One
                Given a step
            """, typeof(Steps), typeof(FailingAfterScenario))).Scenarios.Single();

        result.Statuses().Should().Equal(StepStatus.Passed);
        result.Error.Should().BeOfType<HookFailedException>()
            .Which.Message.Should().Contain("[AfterScenario] hook HookTests.FailingAfterScenario.Broken()").And.Contain("cleanup failed");
    }

    [Fact]
    public async Task Step_failure_stays_the_error_when_an_after_hook_also_fails()
    {
        var result = (await RunnerKit.RunAsync("""
            Feature: Hooks
              Scenario: One
                Then it fails
            """, typeof(Steps), typeof(FailingAfterScenario))).Scenarios.Single();

        result.Error.Should().BeOfType<InvalidOperationException>();
        result.Output.Should().Contain("After scenario hook failed").And.Contain("cleanup failed");
    }

    [Fact]
    public async Task Feature_hooks_run_once_around_the_features_scenarios()
    {
        FeatureHooks.Calls.Clear();
        await RunnerKit.RunAsync("""
            Feature: Feature hooks
              Scenario: One
                Given a step
              Scenario: Two
                Given a step
            """, typeof(Steps), typeof(FeatureHooks));

        FeatureHooks.Calls.Should().Equal("before Feature hooks", "after Feature hooks");
    }

    [Fact]
    public async Task Failing_before_test_run_hook_fails_every_scenario_with_the_hooks_name()
    {
        var registry = BindingRegistry.FromTypes(typeof(Steps), typeof(FailingTestRun));
        var testRun = new TestRunSession(registry);
        await testRun.StartAsync(TestContext.Current.CancellationToken);
        testRun.Failure.Should().NotBeNull();

        var feature = RunnerKit.Parse("""
            Feature: Run
              Scenario: One
                Given a step
              Scenario: Two
                Given a step
            """);
        var session = new FeatureSession(new ScenarioRunner(registry), feature, testRun);
        foreach (var scenario in feature.Scenarios)
        {
            var result = await session.RunScenarioAsync(scenario, TestContext.Current.CancellationToken);
            result.Error.Should().BeOfType<HookFailedException>()
                .Which.Message.Should().Contain("[BeforeTestRun] hook HookTests.FailingTestRun.Start()").And.Contain("environment missing");
            result.Statuses().Should().Equal(StepStatus.Skipped);
        }
    }

    [Fact]
    public async Task Objects_registered_before_the_test_run_reach_every_scenario()
    {
        var log = new Log();
        var registry = BindingRegistry.FromTypes(typeof(RegisteringTestRun), typeof(SettingsSteps));
        var testRun = new TestRunSession(registry);
        await testRun.StartAsync(TestContext.Current.CancellationToken);

        var feature = RunnerKit.Parse("""
            Feature: Run
              Scenario: One
                Given the run settings are available
            """);
        var runner = new ScenarioRunner(registry) { ScenarioContainerSetup = c => c.RegisterInstanceAs(log) };
        var result = await new FeatureSession(runner, feature, testRun).RunScenarioAsync(feature.Scenarios[0], TestContext.Current.CancellationToken);

        result.Error.Should().BeNull();
        log.Entries.Should().Equal("shared");
    }

    [Fact]
    public void Test_run_and_feature_hooks_must_be_static()
    {
        BindingRegistry.FromTypes(typeof(InstanceFeatureHook)).Errors.Should().ContainSingle()
            .Which.Should().Contain("[BeforeFeature] hooks must be static");
    }
}
