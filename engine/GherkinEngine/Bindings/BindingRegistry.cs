using System.Collections.Concurrent;
using System.Reflection;

namespace GherkinEngine.Runner;

/// <summary>
/// The step definitions and hooks of a set of binding types, reflected once. Problems (an expression
/// that does not parse, a parameter list that does not fit) are collected in <see cref="Errors"/>;
/// scenarios run against a registry with errors fail with those messages.
/// </summary>
public sealed class BindingRegistry
{
    private static readonly ConcurrentDictionary<Assembly, Lazy<BindingRegistry>> ByAssembly = new();

    private readonly List<string> _errors = new();
    private readonly Dictionary<HookType, HookBinding[]> _hooks;
    private readonly ConcurrentDictionary<(StepDefinitionType?, string, int), StepMatch> _matches = new();

    private BindingRegistry(IEnumerable<Type> types)
    {
        var steps = new List<StepBinding>();
        var hooks = new List<HookBinding>();
        var typeList = types.Distinct().ToList();
        // Transformations first: step expressions may use them as custom parameter types.
        var transformations = new List<StepArgumentTransformationBinding>();
        foreach (var type in typeList)
            ReflectTransformations(type, transformations);
        Transformations = transformations.OrderBy(t => t.Order).ThenBy(t => t.Sequence).ToList();
        foreach (var type in typeList)
            Reflect(type, steps, hooks);
        StepBindings = steps;
        // Stable sort: equal Order keeps declaration order.
        _hooks = hooks.GroupBy(h => h.HookType)
            .ToDictionary(g => g.Key, g => g.OrderBy(h => h.Order).ThenBy(h => h.Sequence).ToArray());
        Hooks = hooks;
    }

    /// <summary>All step definitions.</summary>
    public IReadOnlyList<StepBinding> StepBindings { get; }

    /// <summary>All <c>[StepArgumentTransformation]</c> methods, in the order they are tried.</summary>
    public IReadOnlyList<StepArgumentTransformationBinding> Transformations { get; }

    /// <summary>All hooks.</summary>
    public IReadOnlyList<HookBinding> Hooks { get; }

    /// <summary>Binding errors found while reflecting (empty when all bindings are valid).</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>The registry of the <c>[Binding]</c> classes of an assembly, scanned once per process.</summary>
    public static BindingRegistry ForAssembly(Assembly assembly) =>
        ByAssembly.GetOrAdd(assembly, a => new Lazy<BindingRegistry>(() => new BindingRegistry(BindingTypes(a)))).Value;

    /// <summary>
    /// A registry of exactly the given types (they need no <c>[Binding]</c> attribute), e.g. to run a
    /// feature against a chosen set of bindings in a test.
    /// </summary>
    public static BindingRegistry FromTypes(params Type[] types) => new(types);

    internal IReadOnlyList<HookBinding> HooksOf(HookType type) => _hooks.TryGetValue(type, out var list) ? list : Array.Empty<HookBinding>();

    /// <summary>Finds the step definition of a step; cached because the same step texts recur across scenarios.</summary>
    internal StepMatch Match(ScenarioStep step)
    {
        var argumentKind = step.TableRows is not null ? 1 : step.DocString is not null ? 2 : 0;
        return _matches.GetOrAdd((step.Type, step.Text, argumentKind), _ => FindMatch(step));
    }

    private StepMatch FindMatch(ScenarioStep step)
    {
        var matches = new List<(StepBinding Binding, string?[] Arguments)>();
        foreach (var binding in StepBindings)
        {
            if (!binding.AppliesTo(step.Type) || !binding.Expression.TryMatch(step.Text, out var arguments))
                continue;
            // One method bound twice (e.g. [Given] and [When] with the same text) is still one definition.
            if (matches.All(m => m.Binding.Method != binding.Method))
                matches.Add((binding, arguments));
        }
        if (matches.Count == 0)
            return StepMatch.Undefined;

        var fitting = matches.Where(m => m.Binding.Accepts(step)).ToList();
        return fitting.Count switch
        {
            1 => StepMatch.Found(fitting[0].Binding, fitting[0].Arguments),
            0 => StepMatch.Mismatch(matches.Select(m => m.Binding).ToList()),
            _ => StepMatch.Ambiguous(fitting.Select(m => m.Binding).ToList()),
        };
    }

    private void Reflect(Type type, List<StepBinding> steps, List<HookBinding> hooks)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy;
        foreach (var method in type.GetMethods(flags).Where(m => m.DeclaringType != typeof(object)).OrderBy(m => m.MetadataToken))
        {
            foreach (var attribute in method.GetCustomAttributes<StepDefinitionBaseAttribute>(inherit: true))
                AddStep(type, method, attribute, steps);
            foreach (var attribute in method.GetCustomAttributes<HookAttribute>(inherit: true))
                AddHook(type, method, attribute, hooks);
        }
    }

    private void ReflectTransformations(Type type, List<StepArgumentTransformationBinding> transformations)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy;
        foreach (var method in type.GetMethods(flags).Where(m => m.DeclaringType != typeof(object)).OrderBy(m => m.MetadataToken))
        {
            foreach (var attribute in method.GetCustomAttributes<StepArgumentTransformationAttribute>(inherit: true))
            {
                try
                {
                    var binding = new StepArgumentTransformationBinding(type, method, attribute, transformations.Count);
                    if (binding.Validate() is { } problem)
                        _errors.Add(problem);
                    else
                        transformations.Add(binding);
                }
                catch (ArgumentException e)
                {
                    _errors.Add($"{MethodDescriber.Describe(type, method)}: invalid [StepArgumentTransformation] regex: {e.Message}");
                }
            }
        }
    }

    /// <summary>
    /// A custom Cucumber Expression parameter type: a transformation whose <c>Name</c> is the placeholder,
    /// or whose return type's name is (ignoring case) and fits the bound parameter.
    /// </summary>
    private ParameterType? ResolveCustomParameter(string name, Type? boundType)
    {
        var transformation = Transformations.FirstOrDefault(t => !t.TakesTable && t.Name == name)
            ?? Transformations.FirstOrDefault(t => !t.TakesTable && t.Name is null &&
                string.Equals(t.TargetType.Name, name, StringComparison.OrdinalIgnoreCase) &&
                (boundType is null || boundType.IsAssignableFrom(t.TargetType) || Nullable.GetUnderlyingType(boundType) == t.TargetType));
        return transformation is null ? null : ParameterType.Custom(transformation.InnerPattern, transformation.GroupCount);
    }

    private void AddStep(Type type, MethodInfo method, StepDefinitionBaseAttribute attribute, List<StepBinding> steps)
    {
        var description = MethodDescriber.Describe(type, method);
        try
        {
            var expression = StepExpression.Create(attribute.Expression, method.GetParameters().Select(p => p.ParameterType).ToArray(), ResolveCustomParameter);
            var binding = new StepBinding(type, method, attribute.Types, expression, Transformations);
            if (binding.Validate() is { } problem)
                _errors.Add(problem);
            else if (!method.IsStatic && type.IsAbstract)
                _errors.Add($"{description}: an instance step definition needs a non-abstract binding class.");
            else if (!IsSupportedReturnType(method.ReturnType))
                _errors.Add($"{description}: a step definition must return void, Task or ValueTask.");
            else
                steps.Add(binding);
        }
        catch (StepExpressionException e)
        {
            _errors.Add($"{description}: {e.Message}");
        }
    }

    private void AddHook(Type type, MethodInfo method, HookAttribute attribute, List<HookBinding> hooks)
    {
        var hook = new HookBinding(type, method, attribute, hooks.Count);
        if (hook.TagError is not null)
            _errors.Add($"{hook.Description}: {hook.TagError}");
        else if (hook.HookType.RequiresStatic() && !method.IsStatic)
            _errors.Add($"{hook.Description}: [{hook.HookType}] hooks must be static methods.");
        else if (!method.IsStatic && type.IsAbstract)
            _errors.Add($"{hook.Description}: an instance hook needs a non-abstract binding class.");
        else if (!IsSupportedReturnType(method.ReturnType))
            _errors.Add($"{hook.Description}: a hook must return void, Task or ValueTask.");
        else
            hooks.Add(hook);
    }

    private static bool IsSupportedReturnType(Type type) =>
        type == typeof(void) || typeof(Task).IsAssignableFrom(type) || type == typeof(ValueTask) ||
        (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>));

    private static IEnumerable<Type> BindingTypes(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types.Where(t => t is not null).ToArray()!;
        }
        // Static classes (abstract + sealed) may hold static hooks and steps.
        return types.Where(t => t.IsClass && t.IsDefined(typeof(BindingAttribute), inherit: false) && (!t.IsAbstract || t.IsSealed))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
    }
}
