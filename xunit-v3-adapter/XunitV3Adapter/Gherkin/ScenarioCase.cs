using System.Collections.Specialized;
using Io.Cucumber.Messages.Types;

namespace XunitV3Adapter.Gherkin;

/// <summary>
/// One xUnit test case: a scenario, or one row of a scenario outline, with what Reqnroll's generated test
/// method would pass to the runtime (titles, tags, arguments, the rule, the steps with their keywords).
/// </summary>
public sealed class ScenarioCase
{
    /// <summary>Identity inside the feature: the scenario's line, plus <c>:&lt;row line&gt;</c> for an outline row.</summary>
    public required string Key { get; init; }

    /// <summary>Position among the feature's pickles (Reqnroll's <c>pickleIndex</c>): execution order.</summary>
    public required int PickleIndex { get; init; }

    /// <summary>The scenario name, outline placeholders substituted.</summary>
    public required string Title { get; init; }

    /// <summary>The test case name, <c>&lt;Feature&gt;: &lt;Scenario&gt;</c>, unique within the feature.</summary>
    public required string DisplayName { get; init; }

    public required string Description { get; init; }

    /// <summary>The scenario's own tags and, for an outline row, its examples' tags (Reqnroll's <c>ScenarioInfo.Tags</c>).</summary>
    public required string[] Tags { get; init; }

    /// <summary>Feature and rule tags (Reqnroll's inherited tags).</summary>
    public required string[] InheritedTags { get; init; }

    /// <summary>Every tag that applies, without duplicates.</summary>
    public string[] CombinedTags => InheritedTags.Concat(Tags).Distinct().ToArray();

    public required Rule? Rule { get; init; }
    public required int Line { get; init; }

    /// <summary>An outline row's values by column (empty for a plain scenario).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Arguments { get; init; }

    /// <summary>Background steps, then the scenario's, as the pickle lists them (placeholders substituted).</summary>
    public required IReadOnlyList<ScenarioStep> Steps { get; init; }

    private static string KeyOf(long scenarioLine, long? rowLine) => rowLine is null ? $"{scenarioLine}" : $"{scenarioLine}:{rowLine}";

    /// <summary>Where a <see cref="Key"/> is in its file: the scenario's line, then the row's (0 for a plain scenario).</summary>
    public static (int Line, int Row) PositionOf(string key)
    {
        var parts = key.Split(':');
        var line = int.TryParse(parts[0], out var l) ? l : 0;
        var row = parts.Length > 1 && int.TryParse(parts[1], out var r) ? r : 0;
        return (line, row);
    }

    public bool IsIgnored => CombinedTags.Contains("ignore", StringComparer.OrdinalIgnoreCase);

    public OrderedDictionary ArgumentsDictionary()
    {
        var arguments = new OrderedDictionary();
        foreach (var (name, value) in Arguments)
            arguments[name] = value;
        return arguments;
    }

    internal static IReadOnlyList<ScenarioCase> FromPickles(Feature feature, IReadOnlyList<Pickle> pickles)
    {
        var nodes = AstNodes.Of(feature);
        var featureTitle = feature.Name.Trim();
        var featureTags = TagNames(feature.Tags);
        var cases = pickles.Select((pickle, index) =>
        {
            var (scenario, rule) = nodes.Scenarios[pickle.AstNodeIds[0]];
            (Examples Examples, TableRow Row)? row = pickle.AstNodeIds.Count > 1 ? nodes.Rows[pickle.AstNodeIds[1]] : null;
            var arguments = row is null
                ? []
                : row.Value.Examples.TableHeader!.Cells.Zip(row.Value.Row.Cells, (h, c) => new KeyValuePair<string, string>(h.Value, c.Value)).ToArray();
            var title = pickle.Name.Trim();
            // An outline whose name uses placeholders is clear by itself; otherwise show the row's values.
            var shown = row is not null && title == scenario.Name.Trim()
                ? $"{title} [{string.Join(", ", arguments.Select(a => $"{a.Key}={a.Value}"))}]"
                : title;
            return new ScenarioCase
            {
                Key = KeyOf(scenario.Location.Line, row?.Row.Location.Line),
                PickleIndex = index,
                Title = title,
                DisplayName = $"{featureTitle}: {shown}",
                Description = CleanDescription(scenario.Description),
                Tags = TagNames(scenario.Tags).Concat(row is null ? [] : TagNames(row.Value.Examples.Tags)).Distinct().ToArray(),
                InheritedTags = featureTags.Concat(rule is null ? [] : TagNames(rule.Tags)).Distinct().ToArray(),
                Rule = rule,
                Line = (int)(row?.Row.Location.Line ?? scenario.Location.Line),
                Arguments = arguments,
                Steps = pickle.Steps.Select(s => new ScenarioStep(nodes.Steps[s.AstNodeIds[0]], s)).ToArray(),
            };
        }).ToList();

        // Two scenarios with the same name would be one test name: tell them apart by their line.
        var duplicates = cases.GroupBy(c => c.DisplayName).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return cases.Select(c => duplicates.Contains(c.DisplayName) ? c.WithDisplayName($"{c.DisplayName} (line {c.Line})") : c).ToList();
    }

    private ScenarioCase WithDisplayName(string displayName) => new()
    {
        Key = Key, PickleIndex = PickleIndex, Title = Title, DisplayName = displayName, Description = Description, Tags = Tags,
        InheritedTags = InheritedTags, Rule = Rule, Line = Line, Arguments = Arguments, Steps = Steps,
    };

    internal static string[] TagNames(IEnumerable<Tag>? tags) => tags?.Select(t => t.Name.TrimStart('@')).ToArray() ?? [];

    internal static string CleanDescription(string? description) =>
        description is null ? "" : string.Join("\n", description.Split('\n').Select(l => l.Trim())).Trim();

    /// <summary>The Gherkin document's scenarios, example rows and steps by id (what a pickle's ast node ids name).</summary>
    private sealed class AstNodes
    {
        public Dictionary<string, (Scenario Scenario, Rule? Rule)> Scenarios { get; } = [];
        public Dictionary<string, (Examples Examples, TableRow Row)> Rows { get; } = [];
        public Dictionary<string, Step> Steps { get; } = [];

        public static AstNodes Of(Feature feature)
        {
            var nodes = new AstNodes();
            foreach (var child in feature.Children)
            {
                nodes.Add(child.Background, child.Scenario, null);
                foreach (var ruleChild in child.Rule?.Children ?? [])
                    nodes.Add(ruleChild.Background, ruleChild.Scenario, child.Rule);
            }
            return nodes;
        }

        private void Add(Background? background, Scenario? scenario, Rule? rule)
        {
            foreach (var step in background?.Steps ?? [])
                Steps[step.Id] = step;
            if (scenario is null)
                return;
            Scenarios[scenario.Id] = (scenario, rule);
            foreach (var step in scenario.Steps)
                Steps[step.Id] = step;
            foreach (var examples in scenario.Examples)
            foreach (var row in examples.TableBody)
                Rows[row.Id] = (examples, row);
        }
    }
}

/// <summary>One step to run: the keyword as written in the file and the pickle's step (text, table, doc string).</summary>
public sealed record ScenarioStep(Step Source, PickleStep Pickle)
{
    /// <summary>The keyword as written, e.g. <c>"And "</c>: what Reqnroll shows in its reports.</summary>
    public string Keyword => Source.Keyword;

    public string Text => Pickle.Text;
    public int Line => (int)Source.Location.Line;
    public string? DocString => Pickle.Argument?.DocString?.Content;

    public Reqnroll.Table? Table()
    {
        var rows = Pickle.Argument?.DataTable?.Rows;
        if (rows is null || rows.Count == 0)
            return null;
        var table = new Reqnroll.Table(rows[0].Cells.Select(c => c.Value).ToArray());
        foreach (var row in rows.Skip(1))
            table.AddRow(row.Cells.Select(c => c.Value).ToArray());
        return table;
    }
}
