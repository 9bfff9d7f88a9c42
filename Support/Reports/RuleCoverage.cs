using System.Net;
using System.Text;
using Io.Cucumber.Messages.Types;
using Netra.Acceptance.Support.Rules;
using static Netra.Acceptance.Support.Reports.JourneyOverview;

namespace Netra.Acceptance.Support.Reports;

/// <summary>
/// The requirements-coverage view of a run: per rule of docs/contract-rules.md, the scenarios that prove it
/// (their <c>@rule:</c> tags) and how each did in this run. Read from the run's Cucumber Messages.
/// </summary>
public sealed class RuleCoverage(ContractRules rules)
{
    private readonly Dictionary<string, string> _features = [];                       // feature file → feature name
    private readonly Dictionary<string, Pickle> _pickles = [];                        // pickle id → pickle
    private readonly Dictionary<string, string> _testCasePickles = [];                // test case id → pickle id
    private readonly Dictionary<string, (Pickle Pickle, ScenarioRun Run)> _runs = []; // test case started id → its run

    public void Add(Envelope envelope)
    {
        if (envelope.GherkinDocument is { Feature: { } feature } document)
            _features[document.Uri] = feature.Name.Trim();
        else if (envelope.Pickle is { } pickle)
            _pickles[pickle.Id] = pickle;
        else if (envelope.TestCase is { } testCase)
            _testCasePickles[testCase.Id] = testCase.PickleId;
        else if (envelope.TestCaseStarted is { } started
                 && _testCasePickles.TryGetValue(started.TestCaseId, out var pickleId) && _pickles.TryGetValue(pickleId, out var ran))
            _runs[started.Id] = (ran, new ScenarioRun(started.Timestamp));
        else if (envelope.TestStepFinished is { } step && _runs.TryGetValue(step.TestCaseStartedId, out var run))
            run.Run.Record(step.TestStepResult.Status);
        else if (envelope.TestCaseFinished is { } finished && _runs.TryGetValue(finished.TestCaseStartedId, out var done))
            done.Run.Finish(finished.Timestamp, finished.WillBeRetried);
    }

    /// <summary>A scenario that proves a rule, and its outcome in this run (null: not run).</summary>
    public sealed record Proof(string Feature, string Scenario, Outcome? Outcome);

    /// <summary>Each rule with its proofs: every scenario tagged with it, run or not.</summary>
    public IReadOnlyList<(ContractRule Rule, IReadOnlyList<Proof> Proofs)> Rows()
    {
        var finals = _runs.Values.Where(r => r.Run.IsFinal).GroupBy(r => r.Pickle.Id).ToDictionary(g => g.Key, g => g.Last().Run.Outcome);
        var proofs = _pickles.Values
            .SelectMany(p => ContractRules.IdsIn(p.Tags.Select(t => t.Name)).Select(id => (id, proof: new Proof(
                _features.GetValueOrDefault(p.Uri, p.Uri), p.Name, finals.TryGetValue(p.Id, out var o) ? o : null))))
            .ToLookup(x => x.id, x => x.proof);
        return rules.All.Select(r => (r, (IReadOnlyList<Proof>)proofs[r.Id].ToList())).ToList();
    }

    /// <summary>Failed if a proof failed; passed if one passed; skipped if all that ran were skipped; otherwise not run.</summary>
    public static string StatusOf(IReadOnlyList<Proof> proofs) =>
        proofs.Any(p => p.Outcome == Outcome.Failed) ? "failed"
        : proofs.Any(p => p.Outcome == Outcome.Passed) ? "passed"
        : proofs.Any(p => p.Outcome == Outcome.Skipped) ? "skipped"
        : "not run";

    public string RenderHtml()
    {
        var rows = Rows();
        var counts = rows.GroupBy(r => StatusOf(r.Proofs)).ToDictionary(g => g.Key, g => g.Count());
        var html = new StringBuilder("""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Netra: the contract's rules and their scenarios</title>
            <style>body{font-family:system-ui,sans-serif;margin:2em;max-width:75em}table{border-collapse:collapse;width:100%}
            td,th{border-bottom:1px solid #ddd;padding:.4em;text-align:left;vertical-align:top}code{font-size:.9em}
            .passed{color:#176d2c}.failed{color:#b00020;font-weight:bold}.skipped{color:#8a6d00}.not-run{color:#777}
            ul{margin:0;padding-left:1.2em}</style></head><body>
            <h1>The contract's rules and the scenarios that prove them</h1>
            """);
        html.Append("<p>From docs/contract-rules.md and this run's results: ")
            .Append(string.Join(", ", new[] { "passed", "failed", "skipped", "not run" }.Select(s => $"{counts.GetValueOrDefault(s)} {s}")))
            .Append($" of {rows.Count} rules. A rule is failed when one of its scenarios failed, not run when none of them was selected.</p>");
        foreach (var section in rows.GroupBy(r => r.Rule.Section))
        {
            html.Append("<h2>").Append(Encode(section.Key)).Append("</h2><table><tr><th>rule</th><th>status</th><th>scenarios</th></tr>");
            foreach (var (rule, proofs) in section)
            {
                var status = StatusOf(proofs);
                html.Append("<tr><td><code>").Append(Encode(rule.Id)).Append("</code><br>").Append(Encode(rule.Text)).Append("</td>")
                    .Append("<td class=\"").Append(status.Replace(' ', '-')).Append("\">").Append(status).Append("</td><td><ul>");
                foreach (var proof in proofs.DistinctBy(p => (p.Feature, p.Scenario, p.Outcome)))
                {
                    var outcome = proof.Outcome?.ToString().ToLowerInvariant() ?? "not run";
                    html.Append("<li><span class=\"").Append(outcome.Replace(' ', '-')).Append("\">").Append(outcome).Append("</span> ")
                        .Append(Encode(proof.Feature)).Append(": ").Append(Encode(proof.Scenario)).Append("</li>");
                }
                html.Append("</ul></td></tr>");
            }
            html.Append("</table>");
        }
        return html.Append("</body></html>\n").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
