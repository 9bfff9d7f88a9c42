namespace GherkinEngine;

/// <summary>
/// Marks a class whose public methods hold step definitions and hooks. Binding classes are found by
/// scanning the test assembly; instances are created per scenario by the scenario's object container.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class BindingAttribute : Attribute
{
}
