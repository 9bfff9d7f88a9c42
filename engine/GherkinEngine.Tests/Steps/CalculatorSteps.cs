using FluentAssertions;

namespace GherkinEngine.Tests.Steps;

public sealed class Calculator
{
    public int Result { get; set; }
}

[Binding]
public sealed class CalculatorSteps(Calculator calculator)
{
    [Given("a calculator")]
    public void GivenACalculator() => calculator.Result = 0;

    [When("I add {int} and {int}")]
    public void WhenIAdd(int a, int b) => calculator.Result = a + b;

    [When("I multiply {int} by {int}")]
    public void WhenIMultiply(int a, int b) => calculator.Result = a * b;

    [When("I subtract {int} from {int}")]
    public Task WhenISubtract(int b, int a)
    {
        calculator.Result = a - b;
        return Task.CompletedTask;
    }

    [Then("the result is {int}")]
    public void ThenTheResultIs(int expected) => calculator.Result.Should().Be(expected);

    // Only a Then binding exists: And/But after a Then step must inherit its keyword.
    [Then("the result is not {int}")]
    public void ThenTheResultIsNot(int unexpected) => calculator.Result.Should().NotBe(unexpected);
}
