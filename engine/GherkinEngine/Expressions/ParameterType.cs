using System.Text.RegularExpressions;

namespace GherkinEngine;

/// <summary>A Cucumber Expression parameter type: the regex it matches and how its value is read.</summary>
internal sealed class ParameterType
{
    private const string Integer = @"-?\d+";
    private const string Float = @"[-+]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?";

    private static readonly ParameterType IntegerType = new(Integer);
    private static readonly ParameterType FloatType = new(Float);

    /// <summary>Anything; used for <c>{}</c> and for types named by their type name (<c>{Color}</c>, <c>{DateTime}</c>).</summary>
    public static readonly ParameterType Anything = new(".*");

    private static readonly Dictionary<string, ParameterType> BuiltIn = new(StringComparer.Ordinal)
    {
        ["int"] = IntegerType,
        ["long"] = IntegerType,
        ["short"] = IntegerType,
        ["byte"] = IntegerType,
        ["biginteger"] = IntegerType,
        ["float"] = FloatType,
        ["double"] = FloatType,
        ["decimal"] = FloatType,
        ["bigdecimal"] = FloatType,
        ["word"] = new(@"[^\s]+"),
        // Double or single quotes; the value excludes the quotes. Two groups: one per quote style.
        ["string"] = new(@"""([^""\\]*(?:\\.[^""\\]*)*)""|'([^'\\]*(?:\\.[^'\\]*)*)'", groupCount: 2, unescapeQuotes: true),
        [""] = Anything,
    };

    public static IEnumerable<string> BuiltInNames => BuiltIn.Keys.Where(k => k.Length > 0);

    private readonly bool _unescapeQuotes;
    private readonly bool _firstGroupOnly;

    private ParameterType(string pattern, int groupCount = 1, bool unescapeQuotes = false, bool firstGroupOnly = false)
    {
        // Single-group types are wrapped in one capturing group; multi-group ones bring their own groups.
        Pattern = groupCount == 1 || firstGroupOnly ? $"({pattern})" : $"(?:{pattern})";
        GroupCount = groupCount;
        _unescapeQuotes = unescapeQuotes;
        _firstGroupOnly = firstGroupOnly;
    }

    /// <summary>
    /// A custom parameter type from a <c>[StepArgumentTransformation]</c>: its regex wrapped in one group
    /// (the value); the regex's own groups follow and are ignored here (the transformation re-matches).
    /// </summary>
    public static ParameterType Custom(string innerPattern, int innerGroups) =>
        new(innerPattern, 1 + innerGroups, firstGroupOnly: true);

    /// <summary>The regex fragment, with exactly <see cref="GroupCount"/> capturing groups.</summary>
    public string Pattern { get; }

    public int GroupCount { get; }

    public static bool TryGetBuiltIn(string name, out ParameterType type) => BuiltIn.TryGetValue(name, out type!);

    /// <summary>Reads the value from the groups starting at <paramref name="firstGroup"/>.</summary>
    public string? Read(Match match, int firstGroup)
    {
        if (_firstGroupOnly)
            return match.Groups[firstGroup].Success ? match.Groups[firstGroup].Value : null;
        for (var i = 0; i < GroupCount; i++)
        {
            var group = match.Groups[firstGroup + i];
            if (group.Success)
                return _unescapeQuotes ? group.Value.Replace("\\\"", "\"").Replace("\\'", "'") : group.Value;
        }
        return null;
    }
}
