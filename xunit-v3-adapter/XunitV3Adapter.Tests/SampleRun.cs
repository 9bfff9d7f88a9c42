using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace XunitV3Adapter.Tests;

/// <summary>One run of the sample's test executable: what xUnit reported per test, the Cucumber Messages, the lifecycle log.</summary>
public sealed class SampleRun
{
    public static string SampleFolder { get; } = typeof(SampleRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SampleFolder").Value!;

    private SampleRun(IReadOnlyList<TestResult> tests, IReadOnlyList<JsonObject> messages, string[] log, string html, string console)
    {
        Tests = tests;
        Messages = messages;
        Log = log;
        Html = html;
        Console = console;
    }

    public IReadOnlyList<TestResult> Tests { get; }
    public IReadOnlyList<JsonObject> Messages { get; }
    public string[] Log { get; }
    public string Html { get; }
    public string Console { get; }

    public TestResult Test(string name) =>
        Tests.SingleOrDefault(t => t.Name == name) ?? throw new InvalidOperationException(
            $"No test named '{name}'. The run had:\n  " + string.Join("\n  ", Tests.Select(t => t.Name)));

    /// <summary>The messages of one kind (<c>testCaseFinished</c>, <c>pickle</c> ...), each the envelope's content.</summary>
    public IEnumerable<JsonObject> Of(string kind) => Messages.Where(m => m.ContainsKey(kind)).Select(m => m[kind]!.AsObject());

    /// <summary>Runs the sample (arguments go to xUnit's in-process runner) in its output folder, as `dotnet test` would.</summary>
    public static async Task<SampleRun> StartAsync(IDictionary<string, string>? environment = null, params string[] arguments)
    {
        var results = Path.Combine(SampleFolder, "TestResults");
        if (Directory.Exists(results))
            Directory.Delete(results, recursive: true);
        var xml = Path.Combine(Path.GetTempPath(), $"adapter-sample-{Guid.NewGuid():N}.xml");
        var start = new ProcessStartInfo(Path.Combine(SampleFolder, "XunitV3Adapter.Sample"))
        {
            WorkingDirectory = SampleFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-noColor", "-noLogo", "-xml", xml }.Concat(arguments))
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var console = await stdout + await stderr;
        if (!File.Exists(xml))
            throw new InvalidOperationException($"The sample wrote no results (exit code {process.ExitCode}):\n{console}");

        var tests = XDocument.Load(xml).Descendants("test").Select(TestResult.From).ToList();
        File.Delete(xml);
        var ndjson = Path.Combine(results, "reqnroll_report.ndjson");
        var messages = File.Exists(ndjson)
            ? File.ReadLines(ndjson).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList()
            : [];
        var log = Path.Combine(results, "lifecycle.log");
        var html = Path.Combine(results, "reqnroll_report.html");
        return new SampleRun(tests, messages, File.Exists(log) ? File.ReadAllLines(log) : [],
            File.Exists(html) ? File.ReadAllText(html) : "", console);
    }
}

/// <summary>What xUnit's XML report says of one test.</summary>
public sealed record TestResult(string Name, string Result, string? Reason, string? Failure, string Output, ILookup<string, string> Traits)
{
    public static TestResult From(XElement test) => new(
        (string)test.Attribute("name")!,
        (string)test.Attribute("result")!,
        test.Element("reason")?.Value,
        test.Element("failure")?.Element("message")?.Value,
        test.Element("output")?.Value ?? "",
        test.Element("traits")?.Elements("trait").ToLookup(t => (string)t.Attribute("name")!, t => (string)t.Attribute("value")!)
            ?? Enumerable.Empty<string>().ToLookup(x => x, x => x));
}
