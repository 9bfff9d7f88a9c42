namespace GherkinEngine.Runner;

/// <summary>What discovery reports for one scenario: identity, name, traits and location.</summary>
public sealed record ScenarioTestCase(
    string ScenarioId,
    string DisplayName,
    IReadOnlyDictionary<string, IReadOnlyCollection<string>> Traits,
    string? SourceFilePath,
    int? SourceLine,
    string? SkipReason);

/// <summary>Maps a parsed feature to test cases (kept apart from xUnit types so it can be tested directly).</summary>
public static class ScenarioTestCases
{
    /// <summary>The scenario id of the single failing test case reported for a feature that does not parse.</summary>
    public const string ParseErrorId = "!parse-error";

    /// <summary>Tag that marks a scenario (or feature) as skipped, as in Reqnroll.</summary>
    public const string IgnoreTag = "ignore";

    public static IReadOnlyList<ScenarioTestCase> Describe(FeatureDefinition feature)
    {
        if (feature.ParseError is not null)
            return new[]
            {
                new ScenarioTestCase(ParseErrorId, $"{feature.FilePath}: Gherkin parse error",
                    Traits(feature.Title, "Gherkin parse error", Array.Empty<string>()), feature.SourcePath, 1, null),
            };

        return feature.Scenarios.Select(s => new ScenarioTestCase(
                s.Id,
                s.DisplayName,
                Traits(feature.Title, s.Title, s.CombinedTags),
                feature.SourcePath,
                s.Line,
                s.CombinedTags.Contains(IgnoreTag, StringComparer.OrdinalIgnoreCase) ? "Ignored (@ignore)" : null))
            .ToList();
    }

    // Feature and Scenario traits let a command line run one feature or one scenario by name.
    private static Dictionary<string, IReadOnlyCollection<string>> Traits(string featureTitle, string scenarioTitle, string[] tags)
    {
        var traits = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Feature"] = new[] { featureTitle },
            ["Scenario"] = new[] { scenarioTitle },
        };
        if (tags.Length > 0)
            traits["Category"] = tags;
        return traits;
    }
}
