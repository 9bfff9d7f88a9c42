using FluentAssertions;

namespace GherkinEngine.Tests.Runner;

public sealed class InjectionTests
{
    public sealed class Shared(Log log) : IDisposable
    {
        private static int s_next;

        public int Id { get; } = Interlocked.Increment(ref s_next);
        public string? Value { get; set; }

        public void Dispose() => log.Add($"dispose shared {Id}");
    }

    public sealed class Writer(Shared shared, Log log, ScenarioContext context) : IAsyncDisposable
    {
        [Given("the writer stores {string}")]
        public void Store(string value)
        {
            shared.Value = value;
            context["id"] = shared.Id;
        }

        [Given("the writer fails")]
        public void Fail() => throw new InvalidOperationException("writer failed");

        public ValueTask DisposeAsync()
        {
            log.Add("dispose writer");
            return ValueTask.CompletedTask;
        }
    }

    public sealed class Reader(Shared shared, Log log, ScenarioContext context)
    {
        [Then("the reader sees {string}")]
        public void Sees(string value)
        {
            shared.Value.Should().Be(value);
            ((int)context["id"]).Should().Be(shared.Id);
            log.Add($"reader saw {shared.Value} in shared {shared.Id}");
        }

        [Then("the reader sees nothing")]
        public void SeesNothing() => shared.Value.Should().BeNull();

        [AfterScenario]
        public void After() => log.Add("after scenario hook");
    }

    public interface IClock
    {
        DateTime Now { get; }
    }

    public sealed class FixedClock : IClock
    {
        public DateTime Now => new(2030, 1, 1);
    }

    public sealed class ClockSteps(IClock clock, Log log)
    {
        [BeforeScenario(Order = 1)]
        public static void Register(IObjectContainer container) => container.RegisterInstanceAs<IClock>(new FixedClock());

        [Then("the clock says {int}")]
        public void ClockSays(int year)
        {
            clock.Now.Year.Should().Be(year);
            log.Add("clock ok");
        }
    }

    public sealed class NeedsUnregistered(IClock clock)
    {
        [Given("a step needing a clock")]
        public void Step() => _ = clock;
    }

    public sealed class ChickenSteps(Egg egg)
    {
        [Given("a chicken")]
        public void Chicken() => _ = egg;
    }

    public sealed class Chicken(Egg egg)
    {
        public Egg Egg => egg;
    }

    public sealed class Egg(Chicken chicken)
    {
        public Chicken Chicken => chicken;
    }

    [Fact]
    public async Task Constructor_dependencies_are_shared_between_binding_classes_and_fresh_per_scenario()
    {
        var log = new Log();
        var result = await RunnerKit.RunAsync("""
            Feature: Injection
              Scenario: One
                Given the writer stores "a"
                Then the reader sees "a"
              Scenario: Two
                Then the reader sees nothing
            """, log, typeof(Writer), typeof(Reader));

        result.Scenarios.Should().OnlyContain(s => s.Passed);
        var ids = log.Entries.Where(e => e.StartsWith("dispose shared")).ToList();
        ids.Should().HaveCount(2).And.OnlyHaveUniqueItems("each scenario gets its own instance");
    }

    [Fact]
    public async Task Created_objects_are_disposed_after_the_after_scenario_hooks_in_reverse_creation_order()
    {
        var log = new Log();
        await RunnerKit.RunAsync("""
            Feature: Disposal
              Scenario: One
                Given the writer stores "a"
                Then the reader sees "a"
            """, log, typeof(Writer), typeof(Reader));

        // Creation order: Shared (writer's dependency), Writer, Reader (not disposable).
        log.Entries.Should().HaveCount(4);
        log.Entries[1].Should().Be("after scenario hook");
        log.Entries[2].Should().Be("dispose writer");
        log.Entries[3].Should().StartWith("dispose shared");
    }

    [Fact]
    public async Task Objects_are_disposed_when_the_scenario_fails()
    {
        var log = new Log();
        var result = (await RunnerKit.RunAsync("""
            Feature: Disposal
              Scenario: One
                Given the writer fails
            """, log, typeof(Writer), typeof(Reader))).Scenarios.Single();

        result.Passed.Should().BeFalse();
        log.Entries.Should().Contain("dispose writer").And.Contain(e => e.StartsWith("dispose shared"));
    }

    [Fact]
    public async Task Hooks_can_register_instances_for_interfaces()
    {
        var log = new Log();
        var result = (await RunnerKit.RunAsync("""
            Feature: Registration
              Scenario: One
                Then the clock says 2030
            """, log, typeof(ClockSteps))).Scenarios.Single();

        result.Error.Should().BeNull();
        log.Entries.Should().Equal("clock ok");
    }

    [Fact]
    public async Task Unregistered_interface_fails_with_a_clear_message()
    {
        var result = (await RunnerKit.RunAsync("""
            Feature: Registration
              Scenario: One
                Given a step needing a clock
            """, typeof(NeedsUnregistered))).Scenarios.Single();

        result.Error.Should().BeOfType<ObjectContainerException>()
            .Which.Message.Should().Contain("InjectionTests.IClock").And.Contain("RegisterInstanceAs");
    }

    [Fact]
    public async Task Circular_dependencies_fail_with_the_chain()
    {
        var result = (await RunnerKit.RunAsync("""
            Feature: Cycle
              Scenario: One
                Given a chicken
            """, typeof(ChickenSteps))).Scenarios.Single();

        result.Error.Should().BeOfType<ObjectContainerException>()
            .Which.Message.Should().Contain("Circular dependency: Egg -> Chicken -> Egg");
    }

    public sealed class OutputSteps(IReqnrollOutputHelper reqnrollOutput, ITestOutputHelper xunitOutput)
    {
        [Given("both output helpers write")]
        public void Write()
        {
            reqnrollOutput.WriteLine("from {0}", "IReqnrollOutputHelper");
            xunitOutput.WriteLine("from ITestOutputHelper");
        }
    }

    [Fact]
    public async Task Output_helpers_write_into_the_step_report_in_order()
    {
        var result = (await RunnerKit.RunAsync("""
            Feature: Output
              Scenario: One
                Given both output helpers write
            """, typeof(OutputSteps))).Scenarios.Single();

        result.Output.Should().MatchRegex(@"^Given both output helpers write\nfrom IReqnrollOutputHelper\nfrom ITestOutputHelper\n  -> passed \(\d+\.\d ms\)\n$");
    }

    [Fact]
    public void Container_resolves_one_instance_per_type_and_registered_instances()
    {
        using var container = new ObjectContainer();
        var clock = new FixedClock();
        container.RegisterInstanceAs<IClock>(clock);
        container.Resolve<IClock>().Should().BeSameAs(clock);
        container.Resolve<Log>().Should().BeSameAs(container.Resolve<Log>());
        container.Resolve<IObjectContainer>().Should().BeSameAs(container);
        container.IsRegistered<IClock>().Should().BeTrue();

        using var child = new ObjectContainer(container);
        child.Resolve<IClock>().Should().BeSameAs(clock, "children see the parent's registrations");
        child.Resolve<Log>().Should().BeSameAs(container.Resolve<Log>(), "children reuse what the parent already created");
    }
}
