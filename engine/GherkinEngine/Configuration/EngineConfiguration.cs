using System.Text.Json;

namespace GherkinEngine.Runner;

/// <summary>
/// The subset of Reqnroll's <c>reqnroll.json</c> the engine reads from the output folder:
/// <c>language.feature</c>, <c>formatters.html.outputFilePath</c>, <c>formatters.message.outputFilePath</c>
/// and <c>generator.addNonParallelizableMarkerForTags</c> (the last one is applied at build time by the targets).
/// </summary>
public sealed class EngineConfiguration
{
    public const string FileName = "reqnroll.json";

    /// <summary>Default HTML report path, relative to the output folder.</summary>
    public const string DefaultHtmlPath = "TestResults/reqnroll_report.html";

    /// <summary>Default Cucumber Messages path, relative to the output folder.</summary>
    public const string DefaultMessagesPath = "TestResults/reqnroll_report.ndjson";

    private static readonly Lazy<EngineConfiguration> Current = new(() => Load(AppContext.BaseDirectory));

    /// <summary>The default Gherkin dialect of features without a <c># language:</c> header.</summary>
    public string FeatureLanguage { get; init; } = "en";

    /// <summary>Absolute path of the HTML report, or null when disabled.</summary>
    public string? HtmlReportPath { get; init; }

    /// <summary>Absolute path of the Cucumber Messages (NDJSON) report, or null when disabled.</summary>
    public string? MessagesReportPath { get; init; }

    /// <summary>Tags that keep a feature out of parallel execution.</summary>
    public IReadOnlyList<string> NonParallelizableTags { get; init; } = new[] { "nonparallelizable" };

    /// <summary>Problems found in the file (reported with the run summary).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

    /// <summary>The configuration of this process (read once from the output folder).</summary>
    public static EngineConfiguration Instance => Current.Value;

    /// <summary>Reads <c>reqnroll.json</c> from a folder; defaults when it is missing.</summary>
    public static EngineConfiguration Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), folder) : Parse("{}", folder);
    }

    /// <summary>Parses <c>reqnroll.json</c> text; relative report paths are resolved against <paramref name="baseFolder"/>.</summary>
    public static EngineConfiguration Parse(string json, string baseFolder)
    {
        var warnings = new List<string>();
        string language = "en";
        string? html = DefaultHtmlPath, messages = DefaultMessagesPath;
        var tags = new List<string> { "nonparallelizable" };
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            if (Get(root, "language") is { } lang && Get(lang, "feature") is { ValueKind: JsonValueKind.String } feature)
                language = feature.GetString()!;
            if (Get(root, "formatters") is { ValueKind: JsonValueKind.Object } formatters)
            {
                html = Formatter(formatters, "html", html);
                messages = Formatter(formatters, "message", messages);
            }
            if (Get(root, "generator") is { } generator && Get(generator, "addNonParallelizableMarkerForTags") is { ValueKind: JsonValueKind.Array } marker)
                tags.AddRange(marker.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.TrimStart('@')));
        }
        catch (JsonException e)
        {
            warnings.Add($"{FileName} is not valid JSON ({e.Message}); using defaults.");
        }
        return new EngineConfiguration
        {
            FeatureLanguage = language,
            HtmlReportPath = Resolve(baseFolder, html),
            MessagesReportPath = Resolve(baseFolder, messages),
            NonParallelizableTags = tags.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            Warnings = warnings,
        };
    }

    // "html": { "outputFilePath": "..." } sets the path; "html": false disables it.
    private static string? Formatter(JsonElement formatters, string name, string? fallback)
    {
        var formatter = Get(formatters, name);
        if (formatter is null)
            return fallback;
        if (formatter.Value.ValueKind is JsonValueKind.False or JsonValueKind.Null)
            return null;
        return Get(formatter.Value, "outputFilePath") is { ValueKind: JsonValueKind.String } path ? path.GetString() : fallback;
    }

    private static JsonElement? Get(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var property in element.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                return property.Value;
        return null;
    }

    private static string? Resolve(string baseFolder, string? path) =>
        string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(Path.Combine(baseFolder, path));
}
