using Gherkin;
using Gherkin.Ast;

namespace GherkinEngine.Runner;

/// <summary>Builds <see cref="ScenarioStep"/>s: And/But keyword inheritance and outline substitution.</summary>
internal static class StepCompiler
{
    public static IReadOnlyList<ScenarioStep> Compile(
        IReadOnlyList<Step> background, IEnumerable<Step> steps, IReadOnlyList<KeyValuePair<string, string>> arguments)
    {
        var result = new List<ScenarioStep>();
        StepDefinitionType? previous = null;
        foreach (var step in background)
            result.Add(Compile(step, true, arguments, ref previous));
        foreach (var step in steps)
            result.Add(Compile(step, false, arguments, ref previous));
        return result;
    }

    private static ScenarioStep Compile(Step step, bool isBackground, IReadOnlyList<KeyValuePair<string, string>> arguments, ref StepDefinitionType? previous)
    {
        var keyword = step.Keyword.Trim();
        StepDefinitionType? type = step.KeywordType switch
        {
            StepKeywordType.Context => StepDefinitionType.Given,
            StepKeywordType.Action => StepDefinitionType.When,
            StepKeywordType.Outcome => StepDefinitionType.Then,
            StepKeywordType.Conjunction => previous,
            // '*' matches any binding; other keywords the dialect shares between types behave like And.
            _ => keyword == "*" ? null : previous,
        };
        previous = type;

        var rows = step.DataTable?.Rows
            .Select(r => r.Cells.Select(c => Substitute(c.Value, arguments)).ToArray())
            .ToArray();
        return new ScenarioStep(keyword, type, Substitute(step.Text, arguments), step.Location.Line, isBackground,
            rows, step.DocString is null ? null : Substitute(step.DocString.Content, arguments), step.DocString?.ContentType);
    }

    /// <summary>Replaces <c>&lt;column&gt;</c> placeholders with the example row's values.</summary>
    public static string Substitute(string text, IReadOnlyList<KeyValuePair<string, string>> arguments)
    {
        if (arguments.Count == 0 || !text.Contains('<'))
            return text;
        foreach (var (name, value) in arguments)
            text = text.Replace("<" + name + ">", value, StringComparison.Ordinal);
        return text;
    }
}
