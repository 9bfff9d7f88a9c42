using System.Text.Json;
using FluentAssertions;

namespace GherkinEngine.Tests.Runner;

public sealed class ReportTests
{
    public sealed class Bindings(IReqnrollOutputHelper output)
    {
        [Given("a passing step")]
        public void Passing() => output.AddAttachment("screen.png", [0x89, 0x50, 0x4E, 0x47], "image/png");

        [When("a step fails")]
        public void Fails() => throw new InvalidOperationException("the failure <message>");

        [Then("a later step")]
        public void Later() { }
    }

    private const string Feature = """
        @reporting
        Feature: Reporting
          Why product owners read this.

          Rule: Failures are visible
            The rule's description.

            @critical
            Scenario: A failing scenario
              Given a passing step
              When a step fails
              Then a later step

            Scenario Outline: Outline <n>
              Given a passing step
              Examples:
                | n |
                | 1 |
        """;

    private static async Task<FeatureResult> RunAsync() => await RunnerKit.RunAsync(Feature, typeof(Bindings));

    [Fact]
    public async Task Cucumber_messages_hold_every_envelope_kind_with_statuses_and_attachments()
    {
        var result = await RunAsync();
        var registry = BindingRegistry.FromTypes(typeof(Bindings));
        var lines = CucumberMessagesWriter.Envelopes(registry, new[] { result }, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow)
            .Select(CucumberMessagesWriter.Serialize).ToList();
        var kinds = lines.Select(l => JsonDocument.Parse(l).RootElement.EnumerateObject().Single().Name).ToList();

        kinds.Should().StartWith(new[] { "meta", "source", "gherkinDocument", "pickle", "pickle" });
        kinds.Should().Contain(new[] { "stepDefinition", "testRunStarted", "testCase", "testCaseStarted", "testStepStarted", "testStepFinished", "attachment", "testCaseFinished" });
        kinds.Last().Should().Be("testRunFinished");
        lines.Should().Contain(l => l.Contains("\"testCase\"") && l.Contains("\"stepDefinitionIds\":[\""));
        kinds.Count(k => k == "testCase").Should().Be(2);
        lines.Should().Contain(l => l.Contains("\"status\":\"FAILED\"") && l.Contains("the failure"));
        lines.Should().Contain(l => l.Contains("\"status\":\"SKIPPED\""));
        lines.Should().Contain(l => l.Contains("\"mediaType\":\"text/x.cucumber.gherkin+plain\""));
        lines.Should().Contain(l => l.Contains("\"contentEncoding\":\"BASE64\"") && l.Contains("\"mediaType\":\"image/png\""));
        lines.Last().Should().Contain("\"success\":false");
    }

    [Fact]
    public async Task The_html_report_shows_features_rules_scenarios_steps_failures_and_embedded_images()
    {
        var result = await RunAsync();
        var html = HtmlReportWriter.Render(new[] { result }, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

        html.Should().Contain("<h2>").And.Contain("Reporting").And.Contain("Why product owners read this.")
            .And.Contain("Rule: Failures are visible").And.Contain("The rule&#39;s description.")
            .And.Contain("A failing scenario").And.Contain("@critical").And.Contain("@reporting")
            .And.Contain("the failure &lt;message&gt;")
            .And.Contain("data:image/png;base64,iVBORw==")
            .And.Contain("1 passed").And.Contain("1 failed");
        html.Should().NotContain("http://").And.NotContain("https://").And.NotContain("<script src");
    }

    [Fact]
    public async Task The_summary_lists_each_feature_with_counts()
    {
        var result = await RunAsync();
        Reports.Summary(new[] { result }).Should().Contain("FAIL Reporting").And.Contain("1 passed, 1 failed").And.Contain("Total: 1 passed, 1 failed");
    }

    [Fact]
    public void Reqnroll_json_sets_language_formatter_paths_and_non_parallel_tags()
    {
        var config = EngineConfiguration.Parse("""
            {
              // comments are allowed
              "language": { "feature": "de" },
              "formatters": { "html": { "outputFilePath": "out/report.html" }, "message": false },
              "generator": { "addNonParallelizableMarkerForTags": ["serial", "@db"] }
            }
            """, "/tmp/base");

        config.FeatureLanguage.Should().Be("de");
        config.HtmlReportPath.Should().Be(Path.GetFullPath("/tmp/base/out/report.html"));
        config.MessagesReportPath.Should().BeNull();
        config.NonParallelizableTags.Should().Equal("nonparallelizable", "serial", "db");

        var defaults = EngineConfiguration.Parse("{}", "/tmp/base");
        defaults.HtmlReportPath.Should().EndWith("TestResults/reqnroll_report.html");
        defaults.MessagesReportPath.Should().EndWith("TestResults/reqnroll_report.ndjson");
    }

    [Fact]
    public void The_default_dialect_comes_from_the_language_setting()
    {
        var feature = FeatureLoader.Parse("Funktionalität: F\n  Szenario: S\n    Angenommen x\n", defaultLanguage: "de");
        feature.ParseError.Should().BeNull();
        feature.Scenarios.Should().ContainSingle();
    }

    [Fact]
    public void Features_with_a_non_parallel_tag_get_a_collection_without_parallelization()
    {
        Collection(typeof(GherkinEngine.Tests.Features.SerialFeature)).Should().Be("SerialFeature (not parallel)");
        Collection(typeof(GherkinEngine.Tests.Features.NonParallelFeature)).Should().Be("NonParallelFeature (not parallel)");
        Collection(typeof(GherkinEngine.Tests.Features.CalculatorFeature)).Should().BeNull();
        var definition = typeof(GherkinEngine.Tests.Features.SerialFeatureCollection)
            .GetCustomAttributes(typeof(CollectionDefinitionAttribute), false).Cast<CollectionDefinitionAttribute>().Single();
        definition.DisableParallelization.Should().BeTrue();
    }

    private static string? Collection(Type type) =>
        type.GetCustomAttributes(typeof(CollectionAttribute), false).Cast<CollectionAttribute>().SingleOrDefault()?.Name;
}
