namespace GherkinEngine.Runner;

/// <summary>A parsed .feature file: its header and the scenarios (one per test case) it yields.</summary>
public sealed class FeatureDefinition
{
    private readonly Dictionary<string, ScenarioDefinition> _byId;

    internal FeatureDefinition(
        string filePath, string? sourcePath, string title, string description, string language,
        string[] tags, IReadOnlyList<ScenarioDefinition> scenarios, string? parseError)
    {
        FilePath = filePath;
        SourcePath = sourcePath;
        Title = title;
        Description = description;
        Language = language;
        Tags = tags;
        Scenarios = scenarios;
        ParseError = parseError;
        _byId = scenarios.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var scenario in scenarios)
            scenario.Feature = this;
    }

    /// <summary>The path the feature was loaded by (relative to the output folder for generated tests).</summary>
    public string FilePath { get; }

    /// <summary>The path of the feature in the source tree, when known (used for test navigation).</summary>
    public string? SourcePath { get; }

    public string Title { get; }
    public string Description { get; }
    public string Language { get; }

    /// <summary>The feature's tags, without <c>@</c>.</summary>
    public string[] Tags { get; }

    public IReadOnlyList<ScenarioDefinition> Scenarios { get; }

    /// <summary>The parser's message when the file could not be read or parsed; then there are no scenarios.</summary>
    public string? ParseError { get; }

    /// <summary>The parsed Gherkin document (for reports), when the file parsed.</summary>
    internal Gherkin.Ast.GherkinDocument? Document { get; init; }

    /// <summary>The feature file's text (for reports).</summary>
    internal string? SourceText { get; init; }

    public ScenarioDefinition? FindScenario(string id) => _byId.GetValueOrDefault(id);
}
