using FluentAssertions;

namespace GherkinEngine.Tests.Runner;

public sealed class ExpressionTests
{
    private static string?[]? Match(string expression, string text, params Type[] parameterTypes) =>
        StepExpression.Create(expression, parameterTypes).TryMatch(text, out var args) ? args : null;

    [Theory]
    [InlineData("I have {int} apples", "I have 42 apples", "42")]
    [InlineData("I have {int} apples", "I have -3 apples", "-3")]
    [InlineData("the total is {float}", "the total is 1.25", "1.25")]
    [InlineData("the total is {double}", "the total is -0.5", "-0.5")]
    [InlineData("the total is {decimal}", "the total is 3", "3")]
    [InlineData("it is {long}", "it is 9000000000", "9000000000")]
    [InlineData("the word {word} here", "the word hello-there here", "hello-there")]
    [InlineData("say {string}", "say \"hi there\"", "hi there")]
    [InlineData("say {string}", "say 'single'", "single")]
    [InlineData("say {string}", "say \"\"", "")]
    [InlineData("anything: {}", "anything: at all 1 2", "at all 1 2")]
    public void Parameter_types_capture_their_value(string expression, string text, string expected) =>
        Match(expression, text).Should().Equal(expected);

    [Theory]
    [InlineData("I have {int} apples", "I have 4.5 apples")]
    [InlineData("I have {int} apples", "I have 4 apples today")]
    [InlineData("I have {int} apples", "so I have 4 apples")]
    [InlineData("the word {word} here", "the word two words here")]
    public void Expressions_match_the_whole_text_only(string expression, string text) =>
        Match(expression, text).Should().BeNull();

    [Theory]
    [InlineData("I have 1 cucumber in my belly")]
    [InlineData("I have 2 cucumbers in my belly")]
    [InlineData("I have 2 cucumbers in my stomach")]
    [InlineData("I have 2 cucumbers in my tummy")]
    public void Optional_text_and_alternation(string text) =>
        Match("I have {int} cucumber(s) in my belly/stomach/tummy", text).Should().NotBeNull();

    [Fact]
    public void Escaped_characters_are_literal()
    {
        Match(@"a \(b\) \{c\} d\/e \\ f", @"a (b) {c} d/e \ f").Should().BeEmpty();
        Match(@"a \(b\)", "a ").Should().BeNull();
    }

    [Fact]
    public void A_type_name_can_be_used_as_a_parameter_type() =>
        Match("the color is {Color}", "the color is DarkBlue", typeof(Steps.Color)).Should().Equal("DarkBlue");

    [Theory]
    [InlineData("an (unclosed", "does not have a matching ')'")]
    [InlineData("a {param", "does not have a matching '}'")]
    [InlineData("an {unknown} type", "undefined parameter type '{unknown}'")]
    [InlineData("empty () optional", "an optional must contain some text")]
    [InlineData("a/ b", "an alternative may not be empty")]
    [InlineData("bad \\escape", "can be escaped")]
    [InlineData("(nested (optional))", "an optional may not contain an optional")]
    public void Invalid_expressions_explain_the_problem(string expression, string message) =>
        FluentActions.Invoking(() => StepExpression.Create(expression, Array.Empty<Type>()))
            .Should().Throw<StepExpressionException>().Which.Message.Should().Contain(message).And.Contain(expression);

    [Fact]
    public void Regular_expressions_start_with_a_caret_or_end_with_a_dollar()
    {
        Match(@"^I have (\d+) (\w+)$", "I have 3 pears").Should().Equal("3", "pears");
        Match(@"I have (\d+) pears$", "I have 3 pears").Should().Equal("3");
        Match(@"^I have (\d+) pears", "I have 3 pears and more").Should().BeNull("the whole text must match");
        Match(@"^optional(?: (\d+))?$", "optional").Should().Equal(new string?[] { null });
        Match("I have (.*) pears", "I have .* pears").Should().BeEmpty("without anchors it is a Cucumber Expression: (.*) is optional text");
    }

    [Fact]
    public void Invalid_regular_expression_is_reported()
    {
        FluentActions.Invoking(() => StepExpression.Create("^a (b$", Array.Empty<Type>()))
            .Should().Throw<StepExpressionException>().Which.Message.Should().Contain("Invalid regular expression '^a (b$'");
    }
}
