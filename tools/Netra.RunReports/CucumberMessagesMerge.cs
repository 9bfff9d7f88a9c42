using System.Text.Json.Nodes;
using Cucumber.HtmlFormatter;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.PayloadProcessing;

namespace Netra.RunReports;

/// <summary>
/// Several test runs' Cucumber Messages as one run. Each shard ran different features, and Reqnroll's ids are
/// random, so their documents, pickles, test cases and step definitions never collide and are kept as they are.
/// What a run has once is made one: the first <c>meta</c>, the earliest <c>testRunStarted</c> (every reference to
/// another shard's is pointed at it), and one <c>testRunFinished</c>, last, successful only if every shard's was.
/// </summary>
public static class CucumberMessagesMerge
{
    public sealed record Result(IReadOnlyList<string> Lines, IReadOnlyList<Envelope> Envelopes);

    public static Result Merge(IEnumerable<IEnumerable<string>> shards)
    {
        var parsed = shards.Select(lines => lines.Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList()).ToList();
        var runStarts = parsed.SelectMany(s => s.Where(e => e.ContainsKey("testRunStarted"))).Select(e => e["testRunStarted"]!.AsObject()).ToList();
        var runEnds = parsed.SelectMany(s => s.Where(e => e.ContainsKey("testRunFinished"))).Select(e => e["testRunFinished"]!.AsObject()).ToList();
        if (runStarts.Count != parsed.Count || runEnds.Count != parsed.Count)
            throw new InvalidDataException(
                $"each shard's messages must hold one whole run, but {parsed.Count} shards hold {runStarts.Count} run starts and {runEnds.Count} run ends");

        var first = runStarts.MinBy(s => Seconds(s["timestamp"]))!;
        var runId = first["id"]?.GetValue<string>();
        var merged = new List<JsonObject>();
        if (parsed.SelectMany(s => s).FirstOrDefault(e => e.ContainsKey("meta")) is { } meta) merged.Add(meta);
        merged.Add(new JsonObject { ["testRunStarted"] = first.DeepClone() });

        foreach (var envelope in parsed.SelectMany(s => s))
        {
            if (envelope.ContainsKey("meta") || envelope.ContainsKey("testRunStarted") || envelope.ContainsKey("testRunFinished")) continue;
            // testCase, testRunHookStarted ... name the run they belong to.
            foreach (var (_, body) in envelope)
                if (runId is not null && body is JsonObject message && message.ContainsKey("testRunStartedId"))
                    message["testRunStartedId"] = runId;
            merged.Add(envelope);
        }

        var last = runEnds.MaxBy(e => Seconds(e["timestamp"]))!;
        var finished = new JsonObject
        {
            ["success"] = runEnds.All(e => e["success"]?.GetValue<bool>() == true),
            ["timestamp"] = last["timestamp"]!.DeepClone(),
        };
        if (runEnds.Select(e => e["message"]).FirstOrDefault(m => m is not null) is { } reason) finished["message"] = reason.DeepClone();
        if (runEnds.Select(e => e["exception"]).FirstOrDefault(x => x is not null) is { } exception) finished["exception"] = exception.DeepClone();
        if (runId is not null) finished["testRunStartedId"] = runId;
        merged.Add(new JsonObject { ["testRunFinished"] = finished });

        var lines = merged.Select(e => e.ToJsonString()).ToList();
        return new Result(lines, lines.Select(NdjsonSerializer.Deserialize).ToList());
    }

    /// <summary>The living documentation of the merged run: Cucumber's HTML report, as Reqnroll's html formatter writes it.</summary>
    public static async Task WriteHtmlAsync(IEnumerable<Envelope> envelopes, string path, string title)
    {
        await using var file = File.Create(path);
        await using var html = new MessagesToHtmlWriter(file, async (writer, e) => await writer.WriteAsync(NdjsonSerializer.Serialize(e)),
            new HtmlReportSettings { Title = title });
        foreach (var envelope in envelopes) await html.WriteAsync(envelope);
    }

    private static double Seconds(JsonNode? timestamp) =>
        (timestamp?["seconds"]?.GetValue<double>() ?? 0) + (timestamp?["nanos"]?.GetValue<double>() ?? 0) / 1e9;
}
