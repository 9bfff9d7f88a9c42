using FluentAssertions;

namespace GherkinEngine.Tests.Runner;

public sealed class FailureTests
{
    public sealed class Steps(Log log, ScenarioContext context)
    {
        [Given("a passing step")]
        public void Passing() => log.Add("passing");

        [When("a step throws")]
        public void Throws() => throw new InvalidOperationException("boom from the step");

        [When("an async step throws")]
        public async Task ThrowsAsync()
        {
            await Task.Yield();
            throw new ArgumentException("async boom");
        }

        [When("a step is pending")]
        public void IsPending() => throw new PendingStepException();

        [When("a step calls Pending on the scenario context")]
        public void CallsPending() => context.Pending();

        [Then("a later step")]
        public void Later() => log.Add("later");

        [Given("a number {int}")]
        public void Number(int value) => log.Add(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        [Given("a value {word}")]
        public void Value(int value) => log.Add("value");

        [Given("a step without table parameter")]
        public void NoTable() { }

        [Then("an assertion fails")]
        public void AssertionFails() => 1.Should().Be(2, "the numbers differ");
    }

    public sealed class AmbiguousA
    {
        [Given("an ambiguous step")]
        public void Step() { }
    }

    public sealed class AmbiguousB
    {
        [Given("an {word} step")]
        public void Other(string kind) { }
    }

    public sealed class InvalidExpression
    {
        [Given("an (unclosed optional")]
        public void Broken() { }
    }

    private const string Header = "Feature: Failures\n";

    [Fact]
    public async Task Undefined_step_fails_naming_the_step_and_line_with_a_ready_snippet()
    {
        var result = (await RunnerKit.RunAsync(Header + """
              Scenario: Paying
                Given a passing step
                When the user pays 5 euros
                Then the receipt says "thank you"
            """, typeof(Steps))).Scenarios.Single();

        result.Status.Should().Be(ScenarioExecutionStatus.UndefinedStep);
        result.Statuses().Should().Equal(StepStatus.Passed, StepStatus.Undefined, StepStatus.Skipped);
        result.Error.Should().BeOfType<UndefinedStepException>();
        var message = result.Error!.Message;
        message.Should().Contain("When the user pays 5 euros (line 4)")
            .And.Contain("Then the receipt says \"thank you\" (line 5)", "later undefined steps are listed too")
            .And.Contain("[When(\"the user pays {int} euros\")]\npublic void WhenTheUserPaysEuros(int p0)\n{\n    throw new PendingStepException();\n}")
            .And.Contain("[Then(\"the receipt says {string}\")]\npublic void ThenTheReceiptSays(string p0)");
        result.Output.Should().Contain("When the user pays 5 euros -> undefined");
    }

    [Fact]
    public async Task Snippets_take_the_keyword_of_and_steps_and_a_data_table_or_doc_string_parameter()
    {
        var result = (await RunnerKit.RunAsync(Header + "\n" + """
              Scenario: Arguments
                Then a report (draft) for 2.5 hours
                And the rows:
                  | a |
                  | 1 |
                * the text:
                  ""\"
                  hello
                  ""\"
            """.Replace("\\\"", "\""), typeof(Steps))).Scenarios.Single();

        result.Error!.Message.Should()
            .Contain("[Then(\"a report \\\\(draft\\\\) for {float} hours\")]\npublic void ThenAReportDraftForHours(double p0)")
            .And.Contain("[Then(\"the rows:\")]\npublic void ThenTheRows(DataTable dataTable)")
            .And.Contain("[Given(\"the text:\")]\npublic void GivenTheText(string multilineText)");
    }

    [Fact]
    public async Task Ambiguous_step_fails_naming_every_matching_method()
    {
        var result = (await RunnerKit.RunAsync(Header + """
              Scenario: Ambiguous
                Given an ambiguous step
                Then a later step
            """, typeof(AmbiguousA), typeof(AmbiguousB), typeof(Steps))).Scenarios.Single();

        result.Status.Should().Be(ScenarioExecutionStatus.BindingError);
        result.Statuses().Should().Equal(StepStatus.Ambiguous, StepStatus.Skipped);
        result.Error.Should().BeOfType<AmbiguousStepException>()
            .Which.Message.Should().Contain("Given an ambiguous step").And.Contain("(line 3)")
            .And.Contain("FailureTests.AmbiguousA.Step()").And.Contain("FailureTests.AmbiguousB.Other(string)");
    }

    [Theory]
    [InlineData("a step is pending", "Pending: When a step is pending")]
    [InlineData("a step calls Pending on the scenario context", "Pending: When a step calls Pending on the scenario context")]
    public async Task Pending_step_fails_as_pending(string step, string message)
    {
        var log = new Log();
        var result = (await RunnerKit.RunAsync(Header + $"""
              Scenario: Pending
                Given a passing step
                When {step}
                Then a later step
            """, log, typeof(Steps))).Scenarios.Single();

        result.Status.Should().Be(ScenarioExecutionStatus.StepDefinitionPending);
        result.Statuses().Should().Equal(StepStatus.Passed, StepStatus.Pending, StepStatus.Skipped);
        result.Error.Should().BeOfType<PendingStepException>().Which.Message.Should().Be(message);
        log.Entries.Should().Equal("passing");
    }

    [Theory]
    [InlineData("a step throws", typeof(InvalidOperationException), "boom from the step", nameof(Steps.Throws))]
    [InlineData("an async step throws", typeof(ArgumentException), "async boom", nameof(Steps.ThrowsAsync))]
    public async Task Failing_step_keeps_its_exception_and_skips_the_remaining_steps(string step, Type type, string message, string method)
    {
        var log = new Log();
        var result = (await RunnerKit.RunAsync(Header + $"""
              Scenario: Failing
                Given a passing step
                When {step}
                Then a later step
                And a later step
            """, log, typeof(Steps))).Scenarios.Single();

        result.Status.Should().Be(ScenarioExecutionStatus.TestError);
        result.Statuses().Should().Equal(StepStatus.Passed, StepStatus.Failed, StepStatus.Skipped, StepStatus.Skipped);
        result.Error.Should().BeOfType(type);
        result.Error!.Message.Should().Be(message);
        result.Error.StackTrace.Should().Contain(method, "the original stack trace is preserved");
        log.Entries.Should().Equal("passing");
        result.Output.Should().MatchRegex(@"Given a passing step -> passed \(\d+\.\d ms\)\n")
            .And.Contain($"When {step} -> failed (")
            .And.Contain("Then a later step -> skipped\n");
    }

    [Fact]
    public async Task Assertion_failures_keep_the_assertion_library_exception()
    {
        var result = (await RunnerKit.RunAsync(Header + """
              Scenario: Assertion
                Then an assertion fails
            """, typeof(Steps))).Scenarios.Single();

        result.Error!.GetType().FullName.Should().Be("Xunit.Sdk.XunitException");
        result.Error.Message.Should().Contain("because the numbers differ");
    }

    [Fact]
    public async Task Unconvertible_argument_is_a_binding_error_naming_the_parameter()
    {
        var result = (await RunnerKit.RunAsync(Header + """
              Scenario: Conversion
                Given a value abc
            """, typeof(Steps))).Scenarios.Single();

        result.Status.Should().Be(ScenarioExecutionStatus.BindingError);
        result.Error.Should().BeOfType<BindingException>()
            .Which.Message.Should().Contain("Cannot convert 'abc' to int for parameter 'value' of FailureTests.Steps.Value(int)");
    }

    [Fact]
    public async Task Data_table_without_a_table_parameter_is_a_binding_error()
    {
        var result = (await RunnerKit.RunAsync(Header + """
              Scenario: Mismatch
                Given a step without table parameter
                  | a |
            """, typeof(Steps))).Scenarios.Single();

        result.Status.Should().Be(ScenarioExecutionStatus.BindingError);
        result.Error!.Message.Should().Contain("has a data table").And.Contain("FailureTests.Steps.NoTable()");
    }

    [Fact]
    public async Task Invalid_step_expression_fails_every_scenario_with_the_binding_error()
    {
        var registry = BindingRegistry.FromTypes(typeof(InvalidExpression), typeof(Steps));
        registry.Errors.Should().ContainSingle().Which.Should()
            .Contain("FailureTests.InvalidExpression.Broken()").And.Contain("'an (unclosed optional'").And.Contain("does not have a matching ')'");

        var result = (await RunnerKit.RunAsync(Header + """
              Scenario: Any
                Given a passing step
            """, typeof(InvalidExpression), typeof(Steps))).Scenarios.Single();
        result.Status.Should().Be(ScenarioExecutionStatus.BindingError);
        result.Error.Should().BeOfType<BindingException>().Which.Message.Should().Contain("an (unclosed optional");
        result.Statuses().Should().Equal(StepStatus.Skipped);
    }

    public sealed class WrongParameterCount
    {
        [Given("two numbers {int} and {int}")]
        public void TwoNumbers(int a) { }
    }

    [Fact]
    public void Parameter_count_that_does_not_fit_the_expression_is_a_registry_error()
    {
        BindingRegistry.FromTypes(typeof(WrongParameterCount)).Errors.Should().ContainSingle()
            .Which.Should().Contain("yields 2 argument(s) but the method takes 1 parameter(s)");
    }
}
