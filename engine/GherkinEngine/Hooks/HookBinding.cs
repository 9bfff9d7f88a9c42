using System.Reflection;

namespace GherkinEngine.Runner;

/// <summary>A hook method with its kind, order and tag filter.</summary>
public sealed class HookBinding
{
    private readonly HashSet<string> _tags;

    internal HookBinding(Type bindingType, MethodInfo method, HookAttribute attribute, int sequence)
    {
        BindingType = bindingType;
        Method = method;
        HookType = attribute.HookType;
        Order = attribute.Order;
        Tags = attribute.Tags.Select(t => t.TrimStart('@')).Where(t => t.Length > 0).ToArray();
        _tags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase);
        Sequence = sequence;
        ParameterTypes = method.GetParameters().Select(p => p.ParameterType).ToArray();
        Description = MethodDescriber.Describe(bindingType, method);
    }

    public Type BindingType { get; }
    public MethodInfo Method { get; }
    public HookType HookType { get; }
    public int Order { get; }

    /// <summary>The tag filter, without <c>@</c>; empty means the hook always applies.</summary>
    public string[] Tags { get; }

    /// <summary><c>Type.Method(params)</c>.</summary>
    public string Description { get; }

    internal int Sequence { get; }
    internal Type[] ParameterTypes { get; }

    /// <summary>True when the hook has no tags or the given tags contain any of them.</summary>
    public bool AppliesTo(IReadOnlyCollection<string> tags)
    {
        if (_tags.Count == 0)
            return true;
        foreach (var tag in tags)
            if (_tags.Contains(tag))
                return true;
        return false;
    }

    public override string ToString() => $"[{HookType}] {Description}";
}
