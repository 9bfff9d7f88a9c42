using System.Reflection;

namespace GherkinEngine.Runner;

/// <summary>One step definition: a method with one of its step attributes, the expression compiled once.</summary>
public sealed class StepBinding
{
    private readonly Func<string?, object?>[] _converters;

    private readonly StepArgumentTransformationBinding[][] _transformations;

    internal StepBinding(Type bindingType, MethodInfo method, StepDefinitionType[] types, StepExpression expression,
        IReadOnlyList<StepArgumentTransformationBinding>? transformations = null)
    {
        BindingType = bindingType;
        Method = method;
        Types = types;
        Expression = expression;
        Parameters = method.GetParameters();
        _converters = Parameters.Take(expression.ParameterCount).Select(p => ArgumentConverter.For(p.ParameterType)).ToArray();
        Description = MethodDescriber.Describe(bindingType, method);
        transformations ??= Array.Empty<StepArgumentTransformationBinding>();
        // Per parameter: the text transformations that produce its type, in the order they are tried.
        _transformations = Parameters.Take(expression.ParameterCount)
            .Select(p => transformations.Where(t => !t.TakesTable && p.ParameterType.IsAssignableFrom(t.TargetType)).ToArray())
            .ToArray();
        if (Parameters.Length == expression.ParameterCount + 1 && !IsStepArgumentType(Parameters[^1].ParameterType))
            TableTransformation = transformations.FirstOrDefault(t => t.TakesTable && Parameters[^1].ParameterType.IsAssignableFrom(t.TargetType));
    }

    /// <summary>The transformation that turns the step's data table into the last parameter, if any.</summary>
    internal StepArgumentTransformationBinding? TableTransformation { get; }

    public Type BindingType { get; }
    public MethodInfo Method { get; }
    public StepDefinitionType[] Types { get; }

    /// <summary>The expression as written.</summary>
    public string ExpressionText => Expression.Source;

    /// <summary><c>Type.Method(int, string)</c>.</summary>
    public string Description { get; }

    internal StepExpression Expression { get; }
    internal ParameterInfo[] Parameters { get; }

    /// <summary>True when the method takes a last extra parameter for the step's data table or doc string.</summary>
    internal bool TakesStepArgument => Parameters.Length == Expression.ParameterCount + 1;

    internal bool AppliesTo(StepDefinitionType? stepType) => stepType is null || Array.IndexOf(Types, stepType.Value) >= 0;

    /// <summary>Checks the method's parameters against the expression (null when consistent).</summary>
    internal string? Validate()
    {
        var count = Expression.ParameterCount;
        if (Parameters.Length == count)
            return null;
        if (Parameters.Length == count + 1 && (IsStepArgumentType(Parameters[^1].ParameterType) || TableTransformation is not null))
            return null;
        return $"{Description}: the expression '{ExpressionText}' yields {count} argument(s) but the method takes {Parameters.Length} parameter(s)" +
               " (only a last extra DataTable/Table or string doc string parameter is allowed).";
    }

    /// <summary>Whether the step's data table / doc string (or lack of one) fits the method.</summary>
    internal bool Accepts(ScenarioStep step)
    {
        if (!TakesStepArgument)
            return !step.HasArgument;
        var type = Parameters[^1].ParameterType;
        return step.TableRows is not null
            ? type.IsAssignableFrom(typeof(Table)) || TableTransformation is not null
            : step.DocString is not null && type == typeof(string);
    }

    /// <summary>Converts the matched strings (and adds the table / doc string) to the method's arguments.</summary>
    /// <param name="transform">Invokes a transformation (with the scenario's binding instances); null: none are used.</param>
    internal object?[] ConvertArguments(string?[] values, ScenarioStep step, Table? table,
        Func<StepArgumentTransformationBinding, object?[], object?>? transform = null)
    {
        var args = new object?[Parameters.Length];
        for (var i = 0; i < _converters.Length; i++)
        {
            try
            {
                var transformation = transform is null ? null : Array.Find(_transformations[i], t => t.Matches(Parameters[i].ParameterType, values[i]));
                args[i] = transformation is not null
                    ? transform!(transformation, transformation.Arguments(values[i]))
                    : _converters[i](values[i]);
            }
            catch (Exception e)
            {
                throw new BindingException(
                    $"Cannot convert '{values[i]}' to {MethodDescriber.TypeName(Parameters[i].ParameterType)} for parameter '{Parameters[i].Name}' of {Description}: {e.Message}", e);
            }
        }
        if (TakesStepArgument)
            args[^1] = step.TableRows is not null && TableTransformation is not null && transform is not null
                ? transform(TableTransformation, new object?[] { table })
                : step.TableRows is not null ? table : step.DocString;
        return args;
    }

    private static bool IsStepArgumentType(Type type) => type == typeof(string) || type.IsAssignableFrom(typeof(Table));

    public override string ToString() => $"{Description} [{string.Join("/", Types)}(\"{ExpressionText}\")]";
}
