using System.Globalization;
using System.Text;

namespace GherkinEngine.Runner;

/// <summary>Writes the end-of-run reports: Cucumber Messages, the HTML living documentation and the summary.</summary>
public static class Reports
{
    /// <summary>Summary file name, next to the HTML report (or under TestResults/).</summary>
    public const string SummaryFileName = "gherkin-summary.txt";

    /// <summary>
    /// Exercises both report writers once on a tiny synthetic run, on a pool thread while the tests run, so the
    /// JIT work of serializing thousands of messages is not paid after the last test.
    /// </summary>
    internal static Task WarmUpAsync() => Task.Run(() =>
    {
        try
        {
            var feature = FeatureLoader.Parse("@t\nFeature: warm-up\n  Rule: r\n    Scenario Outline: s <a>\n      Given a\n        | a |\n        | b |\n      Then b\n        \"\"\"\n        c\n        \"\"\"\n      Examples:\n        | a |\n        | 1 |\n",
                "warm-up.feature", defaultLanguage: "en");
            var scenario = feature.Scenarios[0];
            var steps = scenario.Steps.Select((s, i) => new StepResult(s, i == 0 ? StepStatus.Passed : StepStatus.Failed, TimeSpan.FromMilliseconds(1), i == 0 ? null : new InvalidOperationException("x"), null)).ToList();
            var result = new ScenarioResult(scenario, ScenarioExecutionStatus.TestError, steps, steps[1].Error, string.Empty, TimeSpan.FromMilliseconds(2))
            {
                Attachments = new[] { new ScenarioAttachment("a.png", "image/png", new byte[] { 1 }, 0), new ScenarioAttachment("a.txt", "text/plain", new byte[] { 65 }, 1) },
            };
            var features = new[] { new FeatureResult(feature, new[] { result }, null) };
            CucumberMessagesWriter.Write(Stream.Null, BindingRegistry.FromTypes(), features, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
            _ = HtmlReportWriter.Render(features, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        }
        catch (Exception)
        {
            // Only a warm-up: the real reports report their own problems.
        }
    });

    internal static string? Write(TestRunSession session)
    {
        var features = session.Recorder.Features;
        if (features.Count == 0)
            return null;
        var configuration = EngineConfiguration.Instance;
        var finishedAt = DateTimeOffset.UtcNow;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var written = new List<string>();
        var problems = new List<string>(configuration.Warnings);
        void Try(string? path, Action<string> write)
        {
            if (path is null)
                return;
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                write(path);
                lock (written)
                    written.Add(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                lock (written)
                    problems.Add($"Cannot write {path}: {e.Message}");
            }
        }
        // The two reports are independent: written side by side.
        Parallel.Invoke(
            () => Try(configuration.MessagesReportPath, p => CucumberMessagesWriter.Write(p, session.Registry, features, session.StartedAt, finishedAt)),
            () => Try(configuration.HtmlReportPath, p => File.WriteAllText(p, HtmlReportWriter.Render(features, session.StartedAt, finishedAt, session.DryRun))));
        written.Sort(StringComparer.Ordinal);
        var summary = Summary(features, session.DryRun) + string.Concat(written.Select(w => $"Report: {w}\n"))
            + (written.Count > 0 ? $"Reports written in {clock.ElapsedMilliseconds} ms\n" : "") + string.Concat(problems.Select(p => $"Warning: {p}\n"));
        var summaryFolder = Path.GetDirectoryName(configuration.HtmlReportPath ?? configuration.MessagesReportPath ?? Path.Combine(AppContext.BaseDirectory, "TestResults", "x"))!;
        Try(Path.Combine(summaryFolder, SummaryFileName), p => File.WriteAllText(p, summary));
        Console.Out.Write(summary);
        Console.Out.Flush();
        return summary;
    }

    /// <summary>One line per feature (passed/failed/skipped, duration), a total, and in a dry run every unbound step.</summary>
    public static string Summary(IReadOnlyList<FeatureResult> features, bool dryRun = false)
    {
        var sb = new StringBuilder();
        sb.Append(dryRun ? "Gherkin dry run" : "Gherkin features").Append(":\n");
        var width = Math.Min(60, features.Max(f => f.Feature.Title.Length));
        int passed = 0, failed = 0, skipped = 0;
        var total = TimeSpan.Zero;
        foreach (var feature in features)
        {
            var p = feature.Scenarios.Count(s => s.Passed && !s.Skipped);
            var f = feature.Scenarios.Count(s => !s.Passed);
            var k = feature.Scenarios.Count(s => s.Skipped);
            var duration = feature.Scenarios.Aggregate(TimeSpan.Zero, (a, s) => a + s.Duration);
            passed += p; failed += f; skipped += k; total += duration;
            sb.Append(f > 0 ? "  FAIL " : "  ok   ").Append(Truncate(feature.Feature.Title, width).PadRight(width))
              .Append($"  {p} passed, {f} failed").Append(k > 0 ? $", {k} skipped" : "")
              .Append("  ").Append(Seconds(duration)).Append('\n');
        }
        sb.Append($"  Total: {passed} passed, {failed} failed").Append(skipped > 0 ? $", {skipped} skipped" : "").Append(" in ").Append(Seconds(total)).Append(" (scenario time)\n");
        if (dryRun)
        {
            var unbound = features.SelectMany(f => f.Scenarios).SelectMany(s => s.Steps.Where(x => x.Status is StepStatus.Undefined or StepStatus.Ambiguous or StepStatus.BindingError)
                .Select(x => (s.Scenario.Feature.FilePath, x))).DistinctBy(t => (t.FilePath, t.x.Line)).ToList();
            sb.Append(unbound.Count == 0 ? "  Every step is bound.\n" : $"  {unbound.Count} step(s) not bound:\n");
            foreach (var (file, step) in unbound)
                sb.Append($"    {file}:{step.Line}  {step.Keyword} {step.Text}  ({ScenarioOutput.StatusText(step.Status)})\n");
        }
        return sb.ToString();
    }

    private static string Truncate(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    internal static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
