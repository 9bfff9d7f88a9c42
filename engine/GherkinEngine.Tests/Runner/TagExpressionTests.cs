using FluentAssertions;

namespace GherkinEngine.Tests.Runner;

public sealed class TagExpressionTests
{
    [Theory]
    [InlineData("@browser and not @smoke", "browser", true)]
    [InlineData("@browser and not @smoke", "browser smoke", false)]
    [InlineData("@a or @b", "b", true)]
    [InlineData("@a or @b", "c", false)]
    [InlineData("not (@a or @b) and @c", "c", true)]
    [InlineData("not (@a or @b) and @c", "a c", false)]
    [InlineData("@a and @b or @c", "c", true)]
    [InlineData("@A", "a", true)]
    [InlineData("wip", "wip", true)]
    public void Evaluates_and_or_not_and_parentheses(string expression, string tags, bool expected) =>
        TagExpression.Parse(expression).Evaluate(tags.Split(' ')).Should().Be(expected);

    [Theory]
    [InlineData("@a and")]
    [InlineData("(@a or @b")]
    [InlineData("@a or or @b")]
    public void Rejects_invalid_expressions(string expression) =>
        FluentActions.Invoking(() => TagExpression.Parse(expression)).Should().Throw<FormatException>().WithMessage($"*'{expression}'*");

    public sealed class Hooks(Log log)
    {
        [BeforeScenario("@browser and not @smoke")]
        public void Browser() => log.Add("browser-only");

        [BeforeScenario("@api", "@db or @queue")]
        public void Either() => log.Add("api-or-db-or-queue");

        [Given("a step")]
        public void Step() { }
    }

    [Fact]
    public async Task Hooks_with_tag_expressions_run_only_where_the_expression_holds()
    {
        var log = new Log();
        await RunnerKit.RunAsync("""
            @browser
            Feature: F
              Scenario: plain browser
                Given a step
              @smoke
              Scenario: browser smoke
                Given a step
              @queue
              Scenario: queue
                Given a step
            """, log, typeof(Hooks));

        log.Entries.Should().Equal("browser-only", "browser-only", "api-or-db-or-queue");
    }

    public sealed class BadHook
    {
        [BeforeScenario("@a and (")]
        public void Bad() { }
    }

    [Fact]
    public async Task An_invalid_hook_expression_is_a_binding_error()
    {
        var result = await RunnerKit.RunAsync("Feature: F\n  Scenario: S\n    Given x\n", typeof(BadHook));
        result.Scenarios[0].Status.Should().Be(ScenarioExecutionStatus.BindingError);
        result.Scenarios[0].Error!.Message.Should().Contain("BadHook.Bad").And.Contain("Invalid tag expression");
    }
}
