using System.Text.RegularExpressions;

namespace GherkinEngine;

/// <summary>A regular-expression step definition; each capturing group becomes an argument.</summary>
internal sealed class RegexStepExpression : StepExpression
{
    private readonly Regex _regex;
    private readonly int[] _groups;

    public RegexStepExpression(string source) : base(source)
    {
        try
        {
            // Anchor both ends whatever the author wrote: a step definition matches the whole step text.
            _regex = new Regex($"^(?:{StripAnchors(source)})$", RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            throw new StepExpressionException($"Invalid regular expression '{source}': {e.Message}", e);
        }
        _groups = _regex.GetGroupNumbers().Where(n => n != 0).ToArray();
    }

    public override int ParameterCount => _groups.Length;

    public override bool TryMatch(string text, out string?[] arguments)
    {
        var match = _regex.Match(text);
        if (!match.Success)
        {
            arguments = Array.Empty<string?>();
            return false;
        }
        arguments = new string?[_groups.Length];
        for (var i = 0; i < _groups.Length; i++)
        {
            var group = match.Groups[_groups[i]];
            arguments[i] = group.Success ? group.Value : null;
        }
        return true;
    }

    private static string StripAnchors(string source)
    {
        var start = source.StartsWith('^') ? 1 : 0;
        var end = source.Length;
        if (end > start && source[end - 1] == '$' && !IsEscaped(source, end - 1))
            end--;
        return source[start..end];
    }

    private static bool IsEscaped(string s, int index)
    {
        var backslashes = 0;
        for (var i = index - 1; i >= 0 && s[i] == '\\'; i--)
            backslashes++;
        return backslashes % 2 == 1;
    }
}
