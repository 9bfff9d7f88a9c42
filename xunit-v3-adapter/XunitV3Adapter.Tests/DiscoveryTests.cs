namespace XunitV3Adapter.Tests;

/// <summary>Each scenario and each outline row is one xUnit test, named and tagged as the README says.</summary>
public sealed class DiscoveryTests(SampleRuns runs)
{
    private SampleRun Run => runs.Normal;

    [Fact]
    public void Every_scenario_and_every_outline_row_is_one_test_named_after_its_feature()
    {
        Run.Tests.Select(t => t.Name).Should().Contain(
        [
            "Calculator: Adding two numbers",
            "Calculator: Multiplying [a=2, b=3, product=6]",
            "Calculator: Multiplying [a=4, b=5, product=20]",
            "Calculator: Multiplying [a=100, b=100, product=10000]",
            "Calculator: Subtracting 4 from 10",
            "Calculator: Adding a column of numbers",
            "Calculator: Reading a note",
            "Rechner auf Deutsch: Zwei Zahlen addieren",
        ]);
        Run.Tests.Should().HaveCount(20, "the sample has 19 scenarios and outline rows, and one feature that does not parse");
    }

    [Fact]
    public void Traits_name_the_feature_the_scenario_and_every_tag_of_feature_rule_scenario_and_examples()
    {
        var row = Run.Test("Calculator: Multiplying [a=100, b=100, product=10000]");
        row.Traits["Feature"].Should().Equal("Calculator");
        row.Traits["Scenario"].Should().Equal("Multiplying");
        row.Traits["Category"].Should().BeEquivalentTo("calculator", "slow");

        Run.Test("Calculator: Adding a column of numbers").Traits["Category"].Should().BeEquivalentTo("calculator", "tables");
    }

    [Fact]
    public void A_filter_on_an_examples_tag_runs_only_that_examples_rows()
    {
        runs.FilteredBySlowExamples.Tests.Select(t => t.Name).Should().Equal("Calculator: Multiplying [a=100, b=100, product=10000]");
    }

    [Fact]
    public void A_feature_that_does_not_parse_is_one_failing_test_that_says_why()
    {
        var broken = Run.Test("Features/More/Broken.feature: Gherkin parse error");
        broken.Result.Should().Be("Fail");
        broken.Failure.Should().Contain("(5:3)").And.Contain("Examples without an outline");
    }
}
