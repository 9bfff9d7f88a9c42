using FluentAssertions;

namespace GherkinEngine.Tests.Steps;

[Binding]
public sealed class OrderingSteps
{
    private static int s_last;

    [Then("scenario {int} runs after the earlier ones")]
    public void ThenScenarioRunsInOrder(int number)
    {
        number.Should().BeGreaterThan(s_last, "scenarios run in file order");
        s_last = number;
    }
}
