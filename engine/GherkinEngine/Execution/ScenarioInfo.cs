using System.Collections.Specialized;

namespace GherkinEngine;

/// <summary>The running scenario's header.</summary>
public sealed class ScenarioInfo
{
    internal ScenarioInfo(ScenarioDefinition scenario)
    {
        Title = scenario.Title;
        Description = scenario.Description;
        Tags = scenario.Tags;
        CombinedTags = scenario.CombinedTags;
        Arguments = new OrderedDictionary();
        foreach (var (name, value) in scenario.Arguments)
            Arguments[name] = value;
    }

    public string Title { get; }
    public string Description { get; }

    /// <summary>
    /// The scenario's own tags and, for an outline row, its examples' tags, without <c>@</c>
    /// (as in Reqnroll; feature and rule tags are in <see cref="CombinedTags"/>).
    /// </summary>
    public string[] Tags { get; }

    /// <summary>Feature, rule, scenario and examples tags, without <c>@</c>.</summary>
    public string[] CombinedTags { get; }

    /// <summary>The example row's values by column name (empty for a plain scenario).</summary>
    public IOrderedDictionary Arguments { get; }
}
