namespace XunitV3Adapter.Sample.Bindings;

public sealed class Calculator
{
    public int Result { get; set; }
    public string Display { get; set; } = "ready";
    public string? Note { get; set; }
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
    public void WhenISubtract(int b, int a) => calculator.Result = a - b;

    [When("I add these numbers:")]
    public void WhenIAddTheseNumbers(DataTable numbers) =>
        calculator.Result = numbers.Rows.Sum(row => int.Parse(row["number"]));

    [When("I read this note:")]
    public void WhenIReadThisNote(string note) => calculator.Note = note;

    [Then("the result is {int}")]
    public void ThenTheResultIs(int expected)
    {
        if (calculator.Result != expected)
            throw new InvalidOperationException($"Expected the result {expected}, but it was {calculator.Result}.");
    }

    [Then("the result is not {int}")]
    public void ThenTheResultIsNot(int unexpected)
    {
        if (calculator.Result == unexpected)
            throw new InvalidOperationException($"The result should not be {unexpected}.");
    }

    [Given("the display shows {string}")]
    [Then("the display shows {string}")]
    public void TheDisplayShows(string text)
    {
        if (calculator.Display != text)
            throw new InvalidOperationException($"The display shows '{calculator.Display}', not '{text}'.");
    }

    [Then("the note says {string}")]
    public void ThenTheNoteSays(string text)
    {
        if (calculator.Note != text)
            throw new InvalidOperationException($"The note says '{calculator.Note}', not '{text}'.");
    }

    [When("I do something not done yet")]
    public void WhenIDoSomethingNotDoneYet() => throw new PendingStepException();
}
