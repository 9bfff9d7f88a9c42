using System.Text;
using System.Text.RegularExpressions;

namespace GherkinEngine;

/// <summary>Builds ready-to-paste step definition snippets for undefined steps.</summary>
internal static partial class SnippetGenerator
{
    // Quoted strings and stand-alone numbers become parameters; numbers inside words stay text.
    [GeneratedRegex("""(?<=^|\s)(?:"(?<s>[^"]*)"|'(?<s>[^']*)'|(?<f>-?\d+\.\d+)|(?<i>-?\d+))(?=$|\s|[,;:!?]|\.(?!\d))""")]
    private static partial Regex ParameterPattern();

    public static string Snippet(ScenarioStep step)
    {
        var keyword = (step.Type ?? StepDefinitionType.Given).ToString();
        var expression = new StringBuilder();
        var name = new StringBuilder(keyword);
        var parameters = new List<string>();
        var position = 0;

        foreach (Match match in ParameterPattern().Matches(step.Text))
        {
            AppendLiteral(step.Text[position..match.Index], expression, name);
            var (placeholder, type) = match.Groups["s"].Success ? ("{string}", "string")
                : match.Groups["f"].Success ? ("{float}", "double")
                : ("{int}", "int");
            expression.Append(placeholder);
            parameters.Add($"{type} p{parameters.Count}");
            position = match.Index + match.Length;
        }
        AppendLiteral(step.Text[position..], expression, name);

        if (step.TableRows is not null)
            parameters.Add("DataTable dataTable");
        else if (step.DocString is not null)
            parameters.Add("string multilineText");

        return $"[{keyword}(\"{CSharpEscape(expression.ToString())}\")]\n" +
               $"public void {name}({string.Join(", ", parameters)})\n" +
               "{\n    throw new PendingStepException();\n}";
    }

    /// <summary>The failure message of a scenario with undefined steps: each step with its line, then the snippets.</summary>
    public static string UndefinedMessage(IReadOnlyList<ScenarioStep> steps)
    {
        var sb = new StringBuilder("No step definition matches ");
        sb.Append(steps.Count == 1 ? "this step:\n" : "these steps:\n");
        foreach (var step in steps)
            sb.Append("  ").Append(step.Keyword).Append(' ').Append(step.Text).Append(" (line ").Append(step.Line).Append(")\n");
        sb.Append("\nAdd a step definition to a [Binding] class:\n");
        foreach (var snippet in steps.Select(Snippet).Distinct())
            sb.Append('\n').Append(snippet).Append('\n');
        return sb.ToString();
    }

    private static void AppendLiteral(string text, StringBuilder expression, StringBuilder name)
    {
        foreach (var c in text)
        {
            if (c is '(' or ')' or '{' or '}' or '/' or '\\')
                expression.Append('\\');
            expression.Append(c);
        }
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (letters.Length > 0)
                name.Append(char.ToUpperInvariant(letters[0])).Append(letters.AsSpan(1));
        }
    }

    private static string CSharpEscape(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
