using Netra.Acceptance.Support.Browser;
using Netra.Acceptance.Support.Evidence;
using Netra.Acceptance.Support.Rules;

namespace Netra.Acceptance.Hooks;

/// <summary>
/// When a scenario fails, leaves what a person needs to understand it: the HTTP exchanges and
/// chat messages, each service's log lines of this scenario (found by its trace id) and the tail
/// of its log, the user events raised and applied for its people, and for browser scenarios a
/// screenshot and a Playwright trace. The files go under TestResults/netra/evidence/; the test
/// output says where.
/// </summary>
[Binding]
public sealed class EvidenceHooks(
    FeatureContext feature, ScenarioContext scenario, ScenarioTranscript transcript, BrowserWindow browser,
    EnvironmentContext environment, People people, IReqnrollOutputHelper output)
{
    // Runs before other after-scenario hooks, while the browser and connections are still open.
    [AfterScenario(Order = 0)]
    public async Task CollectEvidenceOnFailure()
    {
        // A scenario left out on purpose (the environment cannot run it) is no failure.
        if (scenario.TestError is null or Xunit.Sdk.SkipException || scenario.ContainsKey(LeftOut.Key)) return;

        var folder = EvidenceFolder.For(environment.Environment.Settings.ResultsDirectory, scenario.ScenarioInfo.Title);
        var report = new EvidenceReport(folder);
        report.Write("failure.txt", FailureSummary());
        report.Write("transcript.txt", transcript.ToString());
        // Per service, exactly this scenario's lines (found by its trace id), and the last lines of all, for what
        // happened beside it (a crash, a background job).
        foreach (var (service, lines) in environment.Environment.ServiceLinesOfTrace(transcript.Trace.TraceId))
            report.Write($"{service}.scenario.log.txt", lines.Count > 0
                ? string.Join("\n", lines) + "\n"
                : $"The {service} service wrote no line for this scenario (trace {transcript.Trace.TraceId}).\n");
        if (await UserEventsEvidence.DescribeAsync(environment, people) is { } userEvents)
            report.Write("user-events.txt", userEvents);
        foreach (var (service, tail) in environment.Environment.ServiceLogTails())
            report.Write($"{service}.log.tail.txt", tail);
        if (browser.IsOpen)
        {
            var files = await browser.SaveEvidenceAsync(folder);
            // The screenshot also goes into the living-documentation report, next to the failed step.
            foreach (var screenshot in files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
                output.AddAttachment(screenshot);
        }

        output.WriteLine($"Evidence of this failure: {folder} (start with failure.txt)");
        output.WriteLine("Last exchanges with the services:");
        output.WriteLine(transcript.Tail(25));
    }

    /// <summary>The first file to read: which scenario, the contract rules it proves, and what failed.</summary>
    private string FailureSummary()
    {
        var rules = ContractRules.IdsIn(scenario.ScenarioInfo.CombinedTags)
            .Select(id => ContractRules.Current.Find(id) is { } rule ? $"  - {rule.Id}: {rule.Text}" : $"  - {id}");
        return $"""
            Feature:  {feature.FeatureInfo.Title}
            Scenario: {scenario.ScenarioInfo.Title}
            Trace id: {transcript.Trace.TraceId} (every request, chat connection and user event of this scenario carries it)
            Runbook:  {Support.Reports.Runbooks.PathFor(feature.FeatureInfo.Title)} (what this means for customers, the first checks)

            The contract rules this scenario proves (docs/contract-rules.md):
            {string.Join("\n", rules.DefaultIfEmpty("  (none named)"))}

            What failed:
            {scenario.TestError!.Message}

            Next to read: transcript.txt (what the scenario sent and was answered, in order), <service>.scenario.log.txt
            (each service's lines of this scenario alone), user-events.txt (the user events raised and applied for its
            people, and what never arrived), <service>.log.tail.txt (what ran beside it), and for the browser
            screenshot.png and trace.zip.

            """;
    }
}
