using FluentAssertions;

namespace GherkinEngine.Tests.Steps;

[Binding]
public sealed class LocalizedSteps
{
    private int _actions;

    [Given("ein deutscher Ausgangszustand")]
    public void GivenAusgangszustand() => _actions = 0;

    [When("eine deutsche Aktion passiert")]
    public void WhenAktion() => _actions++;

    // "Und" after "Wenn" must resolve to When.
    [When("eine weitere deutsche Aktion passiert")]
    public void WhenWeitereAktion() => _actions++;

    [Then("sind {int} deutsche Aktionen passiert")]
    public void ThenAktionen(int count) => _actions.Should().Be(count);
}
