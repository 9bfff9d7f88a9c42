using System.Reflection;

namespace GherkinEngine.Runner;

/// <summary>A hook method with its kind, order and tag filter.</summary>
public sealed class HookBinding
{
    private readonly TagExpression[] _expressions;

    internal HookBinding(Type bindingType, MethodInfo method, HookAttribute attribute, int sequence)
    {
        BindingType = bindingType;
        Method = method;
        HookType = attribute.HookType;
        Order = attribute.Order;
        Tags = attribute.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Select(t => IsPlainTag(t) ? t.TrimStart('@') : t).ToArray();
        // Each entry is a tag or a tag expression; the hook applies when any entry holds.
        var expressions = new List<TagExpression>();
        foreach (var tag in Tags)
        {
            try
            {
                expressions.Add(TagExpression.Parse(tag));
            }
            catch (FormatException e)
            {
                TagError ??= e.Message;
            }
        }
        _expressions = expressions.ToArray();
        Sequence = sequence;
        ParameterTypes = method.GetParameters().Select(p => p.ParameterType).ToArray();
        Description = MethodDescriber.Describe(bindingType, method);
    }

    public Type BindingType { get; }
    public MethodInfo Method { get; }
    public HookType HookType { get; }
    public int Order { get; }

    /// <summary>The tag filter: tags (without <c>@</c>) or tag expressions, any of which must hold; empty means always.</summary>
    public string[] Tags { get; }

    /// <summary><c>Type.Method(params)</c>.</summary>
    public string Description { get; }

    internal int Sequence { get; }

    /// <summary>The first tag expression that did not parse, if any (a binding error).</summary>
    internal string? TagError { get; }
    internal Type[] ParameterTypes { get; }

    /// <summary>True when the hook has no tag filter or any of its tags / tag expressions holds for the given tags.</summary>
    public bool AppliesTo(IReadOnlyCollection<string> tags)
    {
        if (Tags.Length == 0)
            return true;
        var set = new HashSet<string>(tags, StringComparer.OrdinalIgnoreCase);
        foreach (var expression in _expressions)
            if (expression.Evaluate(set))
                return true;
        return false;
    }

    private static bool IsPlainTag(string tag) => !tag.Any(c => char.IsWhiteSpace(c) || c is '(' or ')');

    public override string ToString() => $"[{HookType}] {Description}";
}
