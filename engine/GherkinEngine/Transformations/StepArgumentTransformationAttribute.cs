namespace GherkinEngine;

/// <summary>
/// Marks a binding method that converts step arguments to its return type (Reqnroll's meaning).
/// With a regular expression, the method applies to arguments the expression matches entirely and
/// receives its capturing groups (converted to the method's parameter types); without one, it applies
/// to any argument and receives the whole text. A method taking one <see cref="DataTable"/>/<see cref="Table"/>
/// parameter converts a step's data table. The return type's name (e.g. <c>{User}</c>), or
/// <see cref="Name"/> (e.g. <c>{user}</c>), can be used as a custom parameter type in Cucumber Expressions;
/// it then matches what <see cref="Regex"/> matches (anything when there is none).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class StepArgumentTransformationAttribute : Attribute
{
    public StepArgumentTransformationAttribute() { }

    public StepArgumentTransformationAttribute(string? regex) => Regex = regex;

    /// <summary>The regular expression the argument must match (anchors optional); null: any text.</summary>
    public string? Regex { get; set; }

    /// <summary>The custom parameter type's name in Cucumber Expressions (without braces); default: the return type's name.</summary>
    public string? Name { get; set; }

    /// <summary>Lower is tried first when several transformations fit an argument. Default 10000.</summary>
    public int Order { get; set; } = 10000;
}
