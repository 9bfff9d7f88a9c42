using System.Reflection;
using System.Text.RegularExpressions;

namespace GherkinEngine.Runner;

/// <summary>One <c>[StepArgumentTransformation]</c> method.</summary>
public sealed class StepArgumentTransformationBinding
{
    private readonly Regex? _regex;
    private readonly Func<string?, object?>[] _converters;

    internal StepArgumentTransformationBinding(Type bindingType, MethodInfo method, StepArgumentTransformationAttribute attribute, int sequence)
    {
        BindingType = bindingType;
        Method = method;
        TargetType = method.ReturnType;
        Order = attribute.Order;
        Sequence = sequence;
        Description = MethodDescriber.Describe(bindingType, method);
        Parameters = method.GetParameters();
        TakesTable = Parameters.Length == 1 && typeof(DataTable).IsAssignableFrom(Parameters[0].ParameterType);
        RegexSource = string.IsNullOrEmpty(attribute.Regex) ? null : attribute.Regex;
        var inner = RegexSource is null ? null : StripAnchors(RegexSource);
        if (inner is not null)
            _regex = new Regex("^(?:" + inner + ")$", RegexOptions.CultureInvariant);
        InnerPattern = inner ?? ".*";
        Name = string.IsNullOrWhiteSpace(attribute.Name) ? null : attribute.Name.Trim().Trim('{', '}');
        _converters = TakesTable ? Array.Empty<Func<string?, object?>>() : Parameters.Select(p => ArgumentConverter.For(p.ParameterType)).ToArray();
    }

    public Type BindingType { get; }
    public MethodInfo Method { get; }

    /// <summary>The type the transformation produces (the method's return type).</summary>
    public Type TargetType { get; }

    public int Order { get; }
    public string Description { get; }

    /// <summary>The regular expression as written, or null.</summary>
    public string? RegexSource { get; }

    /// <summary>The explicit custom parameter type name, or null.</summary>
    public string? Name { get; }

    /// <summary>True when the method converts a data table.</summary>
    public bool TakesTable { get; }

    internal int Sequence { get; }
    internal ParameterInfo[] Parameters { get; }

    /// <summary>The regex without anchors, used inside Cucumber Expressions.</summary>
    internal string InnerPattern { get; }

    internal int GroupCount => _regex is null ? 0 : _regex.GetGroupNumbers().Length - 1;

    internal string? Validate()
    {
        if (TargetType == typeof(void) || typeof(Task).IsAssignableFrom(TargetType))
            return $"{Description}: a [StepArgumentTransformation] must return the converted value synchronously.";
        if (!Method.IsStatic && BindingType.IsAbstract)
            return $"{Description}: an instance transformation needs a non-abstract binding class.";
        if (TakesTable)
            return null;
        var expected = Math.Max(1, GroupCount);
        return Parameters.Length == expected ? null
            : $"{Description}: the transformation receives {expected} value(s) ({(GroupCount == 0 ? "the whole argument" : "one per regex group")}) but the method takes {Parameters.Length} parameter(s).";
    }

    /// <summary>Whether the transformation applies to a text argument for a parameter of <paramref name="type"/>.</summary>
    internal bool Matches(Type type, string? value) =>
        !TakesTable && type.IsAssignableFrom(TargetType) && (_regex is null || (value is not null && _regex.IsMatch(value)));

    internal object?[] Arguments(string? value)
    {
        if (_regex is null)
            return new[] { _converters[0](value) };
        var match = _regex.Match(value!);
        if (GroupCount == 0)
            return new[] { _converters[0](value) };
        var args = new object?[GroupCount];
        for (var i = 0; i < GroupCount; i++)
            args[i] = _converters[i](match.Groups[i + 1].Success ? match.Groups[i + 1].Value : null);
        return args;
    }

    private static string StripAnchors(string regex)
    {
        var s = regex;
        if (s.StartsWith('^'))
            s = s[1..];
        if (s.EndsWith('$') && !s.EndsWith("\\$"))
            s = s[..^1];
        return s;
    }

    public override string ToString() => $"[StepArgumentTransformation] {Description}";
}
