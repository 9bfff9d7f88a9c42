namespace XunitV3Adapter.Tests;

/// <summary>How xUnit sees each way a scenario can end: nothing unbound passes, skips keep their reason.</summary>
public sealed class OutcomeTests(SampleRuns runs)
{
    private SampleRun Run => runs.Normal;

    [Fact]
    public void Passing_scenarios_pass_backgrounds_rules_tables_doc_strings_and_other_languages_included()
    {
        foreach (var name in new[]
                 {
                     "Outcomes: A passing scenario", "Calculator: Adding two numbers", "Calculator: Adding a column of numbers",
                     "Calculator: Reading a note", "Calculator: Subtracting 4 from 10", "Rechner auf Deutsch: Zwei Zahlen addieren",
                 })
            Run.Test(name).Result.Should().Be("Pass", name);
    }

    [Fact]
    public void A_failing_step_fails_the_test_with_its_own_message_and_the_steps_after_it_are_skipped()
    {
        var test = Run.Test("Outcomes: A failing step");
        test.Result.Should().Be("Fail");
        test.Failure.Should().Contain("Expected the result 5, but it was 4.");
        test.Output.Should().Contain("And the result is not 6").And.Contain("skipped because of previous errors");
    }

    [Fact]
    public void A_pending_step_fails_the_test_as_pending()
    {
        var test = Run.Test("Outcomes: A pending step");
        test.Result.Should().Be("Fail");
        test.Failure.Should().Contain("pending");
    }

    [Fact]
    public void An_undefined_step_fails_the_test_with_a_snippet_to_paste()
    {
        var test = Run.Test("Outcomes: An undefined step");
        test.Result.Should().Be("Fail");
        test.Output.Should().Contain("[When(\"I do something nobody wrote\")]");
    }

    [Fact]
    public void An_ignored_scenario_is_skipped_with_the_reason()
    {
        var test = Run.Test("Outcomes: An ignored scenario");
        test.Result.Should().Be("Skip");
        test.Reason.Should().Be("Ignored: tagged @ignore");
    }

    [Fact]
    public void A_scenario_a_hook_leaves_out_is_skipped_with_the_hooks_reason_in_words()
    {
        var test = Run.Test("Outcomes: A scenario the environment cannot run");
        test.Result.Should().Be("Skip");
        test.Reason.Should().Be("Not run: this environment cannot run it.");
    }

    [Fact]
    public void An_after_scenario_hook_that_fails_fails_a_scenario_that_passed()
    {
        var test = Run.Test("Outcomes: An after-scenario hook that fails");
        test.Result.Should().Be("Fail");
        test.Failure.Should().Contain("The after-scenario hook failed.");
    }

    [Fact]
    public void A_file_a_step_attaches_is_attached_to_the_xunit_result_and_the_cucumber_messages()
    {
        Run.Test("Lifecycle: Third").Result.Should().Be("Pass");
        var attachment = Run.Of("attachment").Should().ContainSingle().Subject;
        ((string)attachment["fileName"]!).Should().Be("note.txt");
        Convert.FromBase64String((string)attachment["body"]!).Should().Equal("attached"u8.ToArray());
    }
}
