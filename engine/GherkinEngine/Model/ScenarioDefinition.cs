namespace GherkinEngine.Runner;

/// <summary>
/// One runnable scenario: a plain scenario, or one row of a scenario outline's examples,
/// with its background steps already prepended and outline placeholders already substituted.
/// </summary>
public sealed class ScenarioDefinition
{
    internal ScenarioDefinition(
        string id, string title, string displayName, string description, string? ruleTitle,
        string[] tags, string[] combinedTags, int line, int? exampleLine, int index,
        IReadOnlyList<KeyValuePair<string, string>> arguments, IReadOnlyList<ScenarioStep> steps)
    {
        Id = id;
        Title = title;
        DisplayName = displayName;
        Description = description;
        RuleTitle = ruleTitle;
        Tags = tags;
        CombinedTags = combinedTags;
        Line = line;
        ExampleLine = exampleLine;
        Index = index;
        Arguments = arguments;
        Steps = steps;
    }

    /// <summary>The owning feature (set when the feature is built).</summary>
    public FeatureDefinition Feature { get; internal set; } = null!;

    /// <summary>Stable identifier: <c>&lt;file&gt;:&lt;scenario line&gt;</c>, plus <c>:&lt;example row line&gt;</c> for outline rows.</summary>
    public string Id { get; }

    /// <summary>The scenario name (outline placeholders substituted).</summary>
    public string Title { get; }

    /// <summary>The test case name: <c>&lt;Feature&gt;: &lt;Scenario&gt;</c>, unique within the feature.</summary>
    public string DisplayName { get; }

    public string Description { get; }
    public string? RuleTitle { get; }

    /// <summary>The scenario's own tags and, for an outline row, its examples' tags (without <c>@</c>).</summary>
    public string[] Tags { get; }

    /// <summary>Feature, rule, scenario and examples tags (without <c>@</c>, no duplicates).</summary>
    public string[] CombinedTags { get; }

    /// <summary>The line of the <c>Scenario:</c> keyword.</summary>
    public int Line { get; }

    /// <summary>The line of the examples row, for an outline row.</summary>
    public int? ExampleLine { get; }

    /// <summary>Position in the feature file (execution order).</summary>
    public int Index { get; }

    /// <summary>The example row's values by column, in column order (empty for plain scenarios).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Arguments { get; }

    /// <summary>Background steps (feature, then rule) followed by the scenario's steps.</summary>
    public IReadOnlyList<ScenarioStep> Steps { get; }
}
