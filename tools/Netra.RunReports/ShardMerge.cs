using System.Xml.Linq;
using Netra.Acceptance.Support.Reports;
using Netra.Acceptance.Support.Rules;

namespace Netra.RunReports;

/// <summary>
/// One run's reports from its shards: the living documentation and Cucumber Messages, the journey overview, the rule
/// coverage and the JUnit XML of each test project, then the closing line and, for a red run, the failure notice.
/// </summary>
public static class ShardMerge
{
    public static async Task<int> RunAsync(string output, IReadOnlyList<string> shardFolders)
    {
        Directory.CreateDirectory(output);

        var messageFiles = shardFolders.Select(MessagesOf).ToList();
        var merged = CucumberMessagesMerge.Merge(messageFiles.Select(File.ReadLines));
        await File.WriteAllLinesAsync(Path.Combine(output, "reqnroll_report.ndjson"), merged.Lines);
        var report = Path.GetFullPath(Path.Combine(output, "reqnroll_report.html"));
        await CucumberMessagesMerge.WriteHtmlAsync(merged.Envelopes, report, $"Netra acceptance: one run in {shardFolders.Count} shards");

        var journeys = new JourneyOverview();
        var rules = new RuleCoverage(ContractRules.Load());
        foreach (var envelope in merged.Envelopes)
        {
            journeys.Add(envelope);
            rules.Add(envelope);
        }
        var overview = journeys.Render();
        await File.WriteAllTextAsync(Path.Combine(output, "journeys.txt"), overview);
        await File.WriteAllTextAsync(Path.Combine(output, "rules.html"), rules.RenderHtml());
        Console.Write(overview);

        var (passed, failed, skipped) = (0, 0, 0);
        foreach (var project in shardFolders.SelectMany(JUnitFilesOf).GroupBy(Path.GetFileName, StringComparer.Ordinal))
        {
            var junit = JUnitMerge.Merge(project.Select(XDocument.Load));
            junit.Save(Path.Combine(output, project.Key!));
            var counts = JUnitMerge.Count(junit);
            (passed, failed, skipped) = (passed + counts.Passed, failed + counts.Failed, skipped + counts.Skipped);
        }

        if (await FailureNotification.PostIfRedAsync(journeys.Journeys, report) is { } notice)
            Console.WriteLine(notice);
        Console.WriteLine($"Merged {shardFolders.Count} shards into {Path.GetFullPath(output)}");
        Console.WriteLine($"{passed} passed, {failed} failed" + (skipped > 0 ? $", {skipped} skipped" : ""));
        return failed > 0 || journeys.Journeys.Any(j => j.Failed > 0) ? 1 : 0;
    }

    /// <summary>A shard's Cucumber Messages: the one copied to reports/suite by ./acceptance, else the only one under the folder.</summary>
    private static string MessagesOf(string shard)
    {
        var files = Directory.Exists(shard)
            ? Directory.GetFiles(shard, "reqnroll_report.ndjson", SearchOption.AllDirectories)
            : throw new InvalidDataException($"there is no results folder {shard}");
        return files.FirstOrDefault(f => f.Replace('\\', '/').EndsWith("reports/suite/reqnroll_report.ndjson", StringComparison.Ordinal))
               ?? (files.Length == 1 ? files[0] : throw new InvalidDataException(
                   $"{shard} holds {files.Length} reqnroll_report.ndjson files; give each shard's own results folder (its TestResults)"));
    }

    private static IEnumerable<string> JUnitFilesOf(string shard) =>
        Directory.GetFiles(shard, "*.junit.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
}
