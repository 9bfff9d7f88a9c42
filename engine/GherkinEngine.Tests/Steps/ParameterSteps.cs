using FluentAssertions;

namespace GherkinEngine.Tests.Steps;

public enum Color { Red, DarkBlue }

public enum Shade { Light, Dark }

public sealed class ParameterState
{
    public List<object?> Values { get; } = new();
    public int Cucumbers { get; set; }
}

[Binding]
public sealed class ParameterSteps(ParameterState state)
{
    [Given("the numbers {int}, {long}, {float}, {double} and {decimal}")]
    public void GivenTheNumbers(int i, long l, float f, double d, decimal m) => state.Values.AddRange([i, l, f, d, m]);

    [Then("the numbers were converted")]
    public void ThenTheNumbersWereConverted() =>
        state.Values.Should().Equal(42, -7_000_000_000L, 1.5f, 2.25d, 3.75m);

    [Given("the word {word}, the text {string} and the text {string}")]
    public void GivenWords(string word, string doubleQuoted, string singleQuoted) =>
        state.Values.AddRange([word, doubleQuoted, singleQuoted]);

    [Then("the words were captured")]
    public void ThenTheWordsWereCaptured() =>
        state.Values.Should().Equal("hello", "quoted \"text\"", "single quoted");

    [When("I eat {int} cucumber(s) from the basket/bowl")]
    public void WhenIEat(int count) => state.Cucumbers += count;

    [Then("I ate {int} cucumbers")]
    public void ThenIAte(int count) => state.Cucumbers.Should().Be(count);

    [Given(@"the literal text \(with parens) and \{braces} or a\/b")]
    public void GivenEscapedText() { }

    [Given("anything goes: {}")]
    public void GivenAnything(string text) => state.Values.Add(text);

    [Then("the anonymous parameter was {string}")]
    public void ThenTheAnonymousParameterWas(string text) => state.Values.Should().Equal(text);

    [Given(@"^the regex captures (\d+) items? named (\w+)$")]
    public void GivenRegexCaptures(int count, string name) => state.Values.AddRange([count, name]);

    [Given(@"^an optional count(?: of (\d+))?$")]
    public void GivenAnOptionalCount(int? count) => state.Values.Add(count);

    [Then("the regex values were {string}")]
    public void ThenTheRegexValuesWere(string expected) =>
        string.Join(",", state.Values.Select(v => v?.ToString() ?? "null")).Should().Be(expected);

    [Given("the color is {} and the shade is {Shade}")]
    public void GivenColors(Color color, Shade shade) => state.Values.AddRange([color, shade]);

    [Given("the date is {word} at {word} lasting {word}")]
    public void GivenDates(DateTime date, TimeOnly at, TimeSpan lasting) => state.Values.AddRange([date, at, lasting]);

    [Given("the id is {word} and the flag is {word}")]
    public void GivenIdAndFlag(Guid id, bool flag) => state.Values.AddRange([id, flag]);

    [Then("the converted values are right")]
    public void ThenTheConvertedValuesAreRight() =>
        state.Values.Should().Equal(
            Color.DarkBlue, Shade.Light,
            new DateTime(2024, 2, 29), new TimeOnly(13, 45), TimeSpan.FromMinutes(90),
            Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), true);

    [When("any keyword works")]
    public void WhenAnyKeywordWorks() => state.Values.Add("any");

    [StepDefinition("a generic step")]
    public void AGenericStep() => state.Values.Add("generic");
}
