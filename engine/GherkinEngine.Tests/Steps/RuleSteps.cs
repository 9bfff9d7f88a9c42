using FluentAssertions;

namespace GherkinEngine.Tests.Steps;

[Binding]
public sealed class RuleSteps
{
    private readonly List<string> _backgrounds = new();

    [Given("the {string} background ran")]
    public void GivenTheBackgroundRan(string name) => _backgrounds.Add(name);

    [Then("the backgrounds ran in the order {string}")]
    public void ThenTheBackgroundsRanInTheOrder(string order) => string.Join(",", _backgrounds).Should().Be(order);
}
