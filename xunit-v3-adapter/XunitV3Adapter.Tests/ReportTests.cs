namespace XunitV3Adapter.Tests;

/// <summary>Reqnroll's own formatters get every feature's Cucumber Messages and each scenario's real status.</summary>
public sealed class ReportTests(SampleRuns runs)
{
    private SampleRun Run => runs.Normal;

    [Fact]
    public void Every_feature_and_every_pickle_is_in_the_messages_with_a_test_case_started_for_each()
    {
        Run.Of("source").Select(s => (string)s["uri"]!).Should().BeEquivalentTo(
            "Features/Calculator.feature", "Features/Outcomes.feature", "Features/Lifecycle.feature",
            "Features/Serial.feature", "Features/More/Localized.feature");
        var pickles = Run.Of("pickle").ToList();
        pickles.Should().HaveCount(19);
        Run.Of("testCase").Select(t => (string)t["pickleId"]!).Should().BeEquivalentTo(pickles.Select(p => (string)p["id"]!));
        Run.Of("testCaseStarted").Should().HaveCount(19);
        Run.Of("testRunFinished").Should().ContainSingle();
    }

    [Fact]
    public void Ids_are_unique_across_the_features_of_a_run()
    {
        // Cucumber tooling joins a run's messages by id: two features' pickles must never share one.
        Run.Of("pickle").Select(p => (string)p["id"]!).Should().OnlyHaveUniqueItems();
        Run.Of("pickle").SelectMany(p => p["steps"]!.AsArray()).Select(s => (string)s!["id"]!).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Each_scenario_has_its_status_in_the_messages_skipped_ones_as_skipped()
    {
        StatusesOf("A passing scenario").Should().OnlyContain(s => s == "PASSED");
        StatusesOf("A failing step").Should().Equal("PASSED", "PASSED", "FAILED", "SKIPPED");
        StatusesOf("A pending step").Should().Contain("PENDING");
        StatusesOf("An undefined step").Should().Contain("UNDEFINED");
        StatusesOf("A scenario the environment cannot run").Should().NotBeEmpty().And.OnlyContain(s => s == "SKIPPED");
        StatusesOf("An ignored scenario").Should().Equal("SKIPPED");
    }

    [Fact]
    public void A_skip_reason_is_in_the_messages_in_words()
    {
        // Reqnroll records the skipping hook's exception; xUnit marks its message with "$XunitDynamicSkip$".
        ResultsOf("A scenario the environment cannot run").Select(r => r.Reason).Should()
            .Contain("Not run: this environment cannot run it.").And.NotContain(m => m.Contains("XunitDynamicSkip"));
    }

    [Fact]
    public void The_html_report_is_written_with_the_run_in_it()
    {
        Run.Html.Should().Contain("<html").And.Contain("A scenario the environment cannot run").And.Contain("Rechner auf Deutsch");
    }

    private List<string> StatusesOf(string scenario) => ResultsOf(scenario).Select(r => r.Status).ToList();

    private List<(string Status, string Reason)> ResultsOf(string scenario)
    {
        var pickle = (string)Run.Of("pickle").Single(p => (string)p["name"]! == scenario)["id"]!;
        var testCase = (string)Run.Of("testCase").Single(t => (string)t["pickleId"]! == pickle)["id"]!;
        var started = (string)Run.Of("testCaseStarted").Single(t => (string)t["testCaseId"]! == testCase)["id"]!;
        return Run.Of("testStepFinished").Where(f => (string)f["testCaseStartedId"]! == started)
            .Select(f => ((string)f["testStepResult"]!["status"]!,
                (string?)f["testStepResult"]!["exception"]?["message"] ?? (string?)f["testStepResult"]!["message"] ?? "")).ToList();
    }
}
