using FluentAssertions;

namespace GherkinEngine.Tests.Runner;

/// <summary>How feature text becomes scenarios (the model discovery and execution use).</summary>
public sealed class GherkinTests
{
    [Fact]
    public void And_and_But_take_the_keyword_of_the_previous_step_and_star_matches_any()
    {
        var steps = RunnerKit.Parse("""
            Feature: Keywords
              Scenario: One
                Given a
                And b
                When c
                But d
                Then e
                And f
                * g
            """).Scenarios.Single().Steps;

        steps.Select(s => s.Type).Should().Equal(
            StepDefinitionType.Given, StepDefinitionType.Given, StepDefinitionType.When, StepDefinitionType.When,
            StepDefinitionType.Then, StepDefinitionType.Then, null);
        steps.Select(s => s.Keyword).Should().Equal("Given", "And", "When", "But", "Then", "And", "*");
    }

    [Fact]
    public void Feature_and_rule_backgrounds_run_before_the_scenario_steps()
    {
        var feature = RunnerKit.Parse("""
            Feature: Backgrounds
              Background:
                Given feature background

              Scenario: Plain
                When plain

              Rule: A rule
                Background:
                  Given rule background
                Scenario: Ruled
                  When ruled

              Rule: Another rule
                Scenario: Other
                  When other
            """);

        feature.Scenarios.Select(s => string.Join(",", s.Steps.Select(x => x.Text))).Should().Equal(
            "feature background,plain",
            "feature background,rule background,ruled",
            "feature background,other");
        feature.Scenarios[1].RuleTitle.Should().Be("A rule");
        feature.Scenarios[1].Steps.Select(s => s.IsBackground).Should().Equal(true, true, false);
    }

    [Fact]
    public void Outline_rows_are_separate_scenarios_with_unique_names_ids_and_substituted_arguments()
    {
        var feature = RunnerKit.Parse("""
            @feature
            Feature: Outlines
              @outline
              Scenario Outline: Paying
                When the user pays <amount> euros
                Then the note says:
                  ""\"
                  paid <amount>
                  ""\"
                And the table has:
                  | amount   |
                  | <amount> |

                Examples:
                  | amount |
                  | 5      |
                  | 7      |

                @big
                Examples: Big
                  | amount |
                  | 1000   |

              Scenario Outline: Named <amount>
                When the user pays <amount> euros

                Examples:
                  | amount |
                  | 1      |
                  | 1      |
            """.Replace("\\\"", "\""));

        feature.Scenarios.Select(s => s.DisplayName).Should().Equal(
            "Outlines: Paying [amount=5]",
            "Outlines: Paying [amount=7]",
            "Outlines: Paying [amount=1000]",
            "Outlines: Named 1 (line 29)",
            "Outlines: Named 1 (line 30)");
        feature.Scenarios.Select(s => s.Id).Should().Equal(
            "Features/Test.feature:4:16", "Features/Test.feature:4:17", "Features/Test.feature:4:22",
            "Features/Test.feature:24:29", "Features/Test.feature:24:30");

        var big = feature.Scenarios[2];
        big.Steps[0].Text.Should().Be("the user pays 1000 euros");
        big.Steps[1].DocString.Should().Be("paid 1000");
        big.Steps[2].TableRows.Should().BeEquivalentTo(new[] { new[] { "amount" }, new[] { "1000" } });
        big.Arguments.Should().ContainSingle().Which.Should().Be(new KeyValuePair<string, string>("amount", "1000"));
        big.Tags.Should().Equal("outline", "big");
        big.CombinedTags.Should().Equal("feature", "outline", "big");
        feature.Scenarios[0].CombinedTags.Should().Equal("feature", "outline");
    }

    [Fact]
    public void Test_cases_carry_category_and_feature_traits_and_the_scenario_line()
    {
        var feature = RunnerKit.Parse("""
            @billing
            Feature: Payments
              @smoke @fast
              Scenario: Pay
                Given x

              @ignore
              Scenario: Later
                Given y
            """);

        var cases = ScenarioTestCases.Describe(feature);
        cases.Select(c => c.DisplayName).Should().Equal("Payments: Pay", "Payments: Later");
        cases[0].Traits["Category"].Should().Equal("billing", "smoke", "fast");
        cases[0].Traits["Feature"].Should().Equal("Payments");
        cases[0].SourceLine.Should().Be(4);
        cases[0].SkipReason.Should().BeNull();
        cases[1].SkipReason.Should().Contain("@ignore");
    }

    [Fact]
    public void A_feature_that_does_not_parse_becomes_one_failing_test_case_with_the_parser_message()
    {
        var feature = FeatureLoader.Parse("""
            Feature: Broken
              Scenario: One
                Given a step
              Nonsense line here
            """, "Features/Broken.feature");

        feature.ParseError.Should().Contain("Features/Broken.feature").And.Contain("(4:3)").And.Contain("Nonsense line here");
        feature.Scenarios.Should().BeEmpty();
        var testCase = ScenarioTestCases.Describe(feature).Should().ContainSingle().Subject;
        testCase.DisplayName.Should().Be("Features/Broken.feature: Gherkin parse error");
        testCase.ScenarioId.Should().Be(ScenarioTestCases.ParseErrorId);
    }

    [Fact]
    public void A_missing_feature_file_is_reported_not_thrown()
    {
        var feature = FeatureLoader.Load("Features/DoesNotExist.feature");
        feature.ParseError.Should().Contain("Cannot read feature file");
        ScenarioTestCases.Describe(feature).Should().ContainSingle();
    }

    [Fact]
    public void Language_header_selects_the_keywords()
    {
        var feature = RunnerKit.Parse("""
            # language: fr
            Fonctionnalité: Panier
              Scénario: Ajouter
                Soit un panier vide
                Quand j'ajoute un article
                Et j'ajoute un autre article
                Alors le panier contient 2 articles
            """);

        feature.Language.Should().Be("fr");
        feature.Title.Should().Be("Panier");
        feature.Scenarios.Single().Steps.Select(s => s.Type).Should().Equal(
            StepDefinitionType.Given, StepDefinitionType.When, StepDefinitionType.When, StepDefinitionType.Then);
    }

    [Fact]
    public void Feature_header_keeps_title_description_and_tags()
    {
        var feature = RunnerKit.Parse("""
            @a @b
            Feature: Header
              First line
                second line

              Scenario: S
                Given x
            """);

        feature.Title.Should().Be("Header");
        feature.Description.Should().Be("First line\nsecond line");
        feature.Tags.Should().Equal("a", "b");
    }

    public sealed class ArgumentSteps(Log log)
    {
        [Given("the users:")]
        public void Users(DataTable table) =>
            log.Add(string.Join(";", table.Rows.Select(r => $"{r["name"]}={r[1]}")) + $" ({table.RowCount} rows, header {string.Join(",", table.Header)})");

        [Given("the text:")]
        public void Text(string text) => log.Add(text);
    }

    [Fact]
    public async Task Data_tables_and_doc_strings_are_passed_as_the_last_argument()
    {
        var log = new Log();
        var result = await RunnerKit.RunAsync("""
            Feature: Arguments
              Scenario: One
                Given the users:
                  | name  | age |
                  | alice | 31  |
                  | bob   | 42  |
                And the text:
                  ```
                  line 1
                    line 2
                  ```
            """, log, typeof(ArgumentSteps));

        result.Scenarios.Single().Error.Should().BeNull();
        log.Entries.Should().Equal("alice=31;bob=42 (2 rows, header name,age)", "line 1\n  line 2");
    }
}
