using System.Text;
using System.Text.RegularExpressions;

namespace GherkinEngine;

/// <summary>Finds a custom parameter type by its name in an expression and the bound parameter's type (null: none).</summary>
internal delegate ParameterType? CustomParameterResolver(string name, Type? boundType);

/// <summary>
/// A Cucumber Expression (https://github.com/cucumber/cucumber-expressions): literal text with
/// <c>{parameter}</c>s, optional text <c>(s)</c>, alternation <c>a/b</c> and escapes <c>\(</c> <c>\{</c> <c>\/</c> <c>\\</c>.
/// Compiled once to an anchored regex; pure literal expressions skip the regex entirely.
/// </summary>
internal sealed class CucumberExpression : StepExpression
{
    private readonly Regex? _regex;
    private readonly string? _literal;
    private readonly (ParameterType Type, int FirstGroup)[] _parameters;

    private CucumberExpression(string source, Regex? regex, string? literal, (ParameterType, int)[] parameters) : base(source)
    {
        _regex = regex;
        _literal = literal;
        _parameters = parameters;
    }

    public override int ParameterCount => _parameters.Length;

    public override bool TryMatch(string text, out string?[] arguments)
    {
        arguments = Array.Empty<string?>();
        if (_literal is not null)
            return string.Equals(text, _literal, StringComparison.Ordinal);

        var match = _regex!.Match(text);
        if (!match.Success)
            return false;
        arguments = new string?[_parameters.Length];
        for (var i = 0; i < _parameters.Length; i++)
            arguments[i] = _parameters[i].Type.Read(match, _parameters[i].FirstGroup);
        return true;
    }

    public static CucumberExpression Compile(string source, IReadOnlyList<Type> parameterTypes, CustomParameterResolver? custom = null)
    {
        var nodes = CucumberExpressionParser.Parse(source);
        var regex = new StringBuilder("^");
        var parameters = new List<(ParameterType, int)>();
        var nextGroup = 1;
        var isLiteral = true;
        var literal = new StringBuilder();

        foreach (var segment in Segments(nodes))
        {
            if (segment.Count == 1 && segment[0].Kind == NodeKind.Parameter)
            {
                var type = Resolve(source, segment[0], parameters.Count, parameterTypes, custom);
                regex.Append(type.Pattern);
                parameters.Add((type, nextGroup));
                nextGroup += type.GroupCount;
                isLiteral = false;
            }
            else if (segment.Any(n => n.Kind == NodeKind.Alternation))
            {
                regex.Append(Alternation(source, segment));
                isLiteral = false;
            }
            else
            {
                foreach (var node in segment)
                {
                    if (node.Kind == NodeKind.Optional)
                    {
                        regex.Append("(?:").Append(Regex.Escape(node.Value)).Append(")?");
                        isLiteral = false;
                    }
                    else
                    {
                        regex.Append(Regex.Escape(node.Value));
                        literal.Append(node.Value);
                    }
                }
            }
        }

        if (isLiteral)
            return new CucumberExpression(source, null, literal.ToString(), Array.Empty<(ParameterType, int)>());
        regex.Append('$');
        return new CucumberExpression(source, new Regex(regex.ToString(), RegexOptions.CultureInvariant), null, parameters.ToArray());
    }

    /// <summary>
    /// Splits the nodes at alternation boundaries: whitespace and parameters stand alone, runs of
    /// text/optional/'/' between them form one segment (an alternation never crosses a space).
    /// </summary>
    private static IEnumerable<List<Node>> Segments(List<Node> nodes)
    {
        var run = new List<Node>();
        foreach (var node in nodes)
        {
            if (node.Kind is NodeKind.Whitespace or NodeKind.Parameter)
            {
                if (run.Count > 0)
                    yield return run;
                run = new List<Node>();
                yield return new List<Node> { node };
            }
            else
            {
                run.Add(node);
            }
        }
        if (run.Count > 0)
            yield return run;
    }

    private static string Alternation(string source, List<Node> segment)
    {
        var alternatives = new List<List<Node>> { new() };
        foreach (var node in segment)
        {
            if (node.Kind == NodeKind.Alternation)
                alternatives.Add(new List<Node>());
            else
                alternatives[^1].Add(node);
        }
        var sb = new StringBuilder("(?:");
        for (var i = 0; i < alternatives.Count; i++)
        {
            var alternative = alternatives[i];
            if (alternative.Count == 0)
                throw Error(source, segment[0].Position, "an alternative may not be empty (escape a literal slash as '\\/')");
            if (alternative.All(n => n.Kind == NodeKind.Optional))
                throw Error(source, alternative[0].Position, "an alternative may not exclusively contain optionals");
            if (i > 0)
                sb.Append('|');
            foreach (var node in alternative)
                sb.Append(node.Kind == NodeKind.Optional ? $"(?:{Regex.Escape(node.Value)})?" : Regex.Escape(node.Value));
        }
        return sb.Append(')').ToString();
    }

    private static ParameterType Resolve(string source, Node node, int index, IReadOnlyList<Type> parameterTypes, CustomParameterResolver? custom)
    {
        if (ParameterType.TryGetBuiltIn(node.Value, out var builtIn))
            return builtIn;
        // Custom parameter types declared by [StepArgumentTransformation] methods ({user}, {User}).
        var bound = index < parameterTypes.Count ? parameterTypes[index] : null;
        if (custom?.Invoke(node.Value, bound) is { } declared)
            return declared;
        // Reqnroll lets an expression name a parameter's type, e.g. {Color} for an enum or {DateTime}.
        if (index < parameterTypes.Count)
        {
            var type = Nullable.GetUnderlyingType(parameterTypes[index]) ?? parameterTypes[index];
            if (string.Equals(type.Name, node.Value, StringComparison.OrdinalIgnoreCase) || IsAlias(node.Value, type))
                return ParameterType.Anything;
        }
        throw Error(source, node.Position,
            $"undefined parameter type '{{{node.Value}}}' (built in: {string.Join(", ", ParameterType.BuiltInNames.Select(n => "{" + n + "}"))}, {{}}; " +
            "the name of the bound parameter's type, e.g. {DateTime} or an enum's name; or a [StepArgumentTransformation]'s Name or return type name)");
    }

    private static bool IsAlias(string name, Type type) =>
        (name == "bool" && type == typeof(bool)) || (name == "char" && type == typeof(char));

    internal static StepExpressionException Error(string source, int position, string message) =>
        new($"Invalid Cucumber Expression '{source}' at position {position}: {message}.");
}
