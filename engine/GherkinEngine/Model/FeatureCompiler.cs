using Gherkin.Ast;

namespace GherkinEngine.Runner;

/// <summary>
/// Turns a Gherkin AST into runnable <see cref="ScenarioDefinition"/>s: backgrounds prepended,
/// outline rows expanded, tags inherited, And/But resolved.
/// </summary>
internal static class FeatureCompiler
{
    public static FeatureDefinition Compile(GherkinDocument document, string filePath, string? sourcePath, string? sourceText = null)
    {
        var feature = document.Feature;
        if (feature is null)
            return new FeatureDefinition(filePath, sourcePath, Path.GetFileNameWithoutExtension(filePath), string.Empty, "en",
                Array.Empty<string>(), Array.Empty<ScenarioDefinition>(), null) { Document = document, SourceText = sourceText };

        var featureTitle = string.IsNullOrWhiteSpace(feature.Name) ? Path.GetFileNameWithoutExtension(filePath) : feature.Name.Trim();
        var featureTags = TagNames(feature.Tags);
        var builder = new Builder(filePath, featureTitle);
        var featureBackground = Array.Empty<Step>();

        foreach (var child in feature.Children)
        {
            switch (child)
            {
                case Background background:
                    featureBackground = background.Steps.ToArray();
                    break;
                case Scenario scenario:
                    builder.Add(scenario, featureBackground, featureTags, null);
                    break;
                case Rule rule:
                    var ruleTags = featureTags.Concat(TagNames(rule.Tags)).ToArray();
                    var ruleBackground = featureBackground;
                    foreach (var ruleChild in rule.Children)
                    {
                        if (ruleChild is Background rb)
                            ruleBackground = featureBackground.Concat(rb.Steps).ToArray();
                        else if (ruleChild is Scenario rs)
                            builder.Add(rs, ruleBackground, ruleTags, rule.Name?.Trim());
                    }
                    break;
            }
        }

        return new FeatureDefinition(filePath, sourcePath, featureTitle, CleanDescription(feature.Description),
            feature.Language, featureTags, builder.Build(), null) { Document = document, SourceText = sourceText };
    }

    internal static string[] TagNames(IEnumerable<Tag>? tags) =>
        tags?.Select(t => t.Name.TrimStart('@')).ToArray() ?? Array.Empty<string>();

    internal static string CleanDescription(string? description) =>
        description is null ? string.Empty : string.Join("\n", description.Split('\n').Select(l => l.Trim())).Trim();

    private sealed class Builder(string filePath, string featureTitle)
    {
        private readonly List<ScenarioDefinition> _scenarios = new();

        public void Add(Scenario scenario, Step[] background, string[] inheritedTags, string? ruleTitle)
        {
            var ownTags = TagNames(scenario.Tags);
            var title = scenario.Name?.Trim() ?? string.Empty;
            var description = CleanDescription(scenario.Description);
            var line = scenario.Location.Line;
            var examples = scenario.Examples?.ToArray() ?? Array.Empty<Examples>();

            if (examples.Length == 0)
            {
                var steps = StepCompiler.Compile(background, scenario.Steps, Empty);
                _scenarios.Add(new ScenarioDefinition($"{filePath}:{line}", title, $"{featureTitle}: {title}", description,
                    ruleTitle, ownTags, Combine(inheritedTags, ownTags), line, null, _scenarios.Count, Empty, steps));
                return;
            }

            foreach (var block in examples)
            {
                if (block.TableHeader is null)
                    continue;
                var header = block.TableHeader.Cells.Select(c => c.Value).ToArray();
                var rowTags = ownTags.Concat(TagNames(block.Tags)).Distinct().ToArray();
                foreach (var row in block.TableBody)
                {
                    var values = row.Cells.Select(c => c.Value).ToArray();
                    var arguments = header.Zip(values, (h, v) => new KeyValuePair<string, string>(h, v)).ToArray();
                    var rowTitle = StepCompiler.Substitute(title, arguments);
                    // An outline whose name uses placeholders is clear by itself; otherwise show the row's values.
                    var shown = rowTitle != title
                        ? rowTitle
                        : $"{title} [{string.Join(", ", arguments.Select(a => $"{a.Key}={a.Value}"))}]";
                    var steps = StepCompiler.Compile(background, scenario.Steps, arguments);
                    _scenarios.Add(new ScenarioDefinition($"{filePath}:{line}:{row.Location.Line}", rowTitle,
                        $"{featureTitle}: {shown}", description, ruleTitle, rowTags, Combine(inheritedTags, rowTags),
                        line, row.Location.Line, _scenarios.Count, arguments, steps));
                }
            }
        }

        /// <summary>Makes display names unique within the feature by appending the line.</summary>
        public IReadOnlyList<ScenarioDefinition> Build()
        {
            var duplicates = _scenarios.GroupBy(s => s.DisplayName).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
            if (duplicates.Count == 0)
                return _scenarios;
            return _scenarios.Select(s => duplicates.Contains(s.DisplayName)
                ? new ScenarioDefinition(s.Id, s.Title, $"{s.DisplayName} (line {s.ExampleLine ?? s.Line})", s.Description,
                    s.RuleTitle, s.Tags, s.CombinedTags, s.Line, s.ExampleLine, s.Index, s.Arguments, s.Steps)
                : s).ToList();
        }

        private static string[] Combine(string[] inherited, string[] own) => inherited.Concat(own).Distinct().ToArray();

        private static readonly KeyValuePair<string, string>[] Empty = Array.Empty<KeyValuePair<string, string>>();
    }
}
