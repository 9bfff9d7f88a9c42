namespace GherkinEngine;

/// <summary>
/// Base of the step definition attributes. The expression is a Cucumber Expression, or a regular
/// expression when it starts with <c>^</c> or ends with <c>$</c>; it must match the whole step text.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public abstract class StepDefinitionBaseAttribute : Attribute
{
    protected StepDefinitionBaseAttribute(string? expression, params StepDefinitionType[] types)
    {
        Expression = expression;
        Types = types;
    }

    /// <summary>The step expression (Cucumber Expression or regular expression).</summary>
    public string? Expression { get; set; }

    /// <summary>The step kinds this definition binds to.</summary>
    public StepDefinitionType[] Types { get; }
}

/// <summary>Binds a method to <c>Given</c> steps (and <c>And</c>/<c>But</c> after them).</summary>
public sealed class GivenAttribute : StepDefinitionBaseAttribute
{
    public GivenAttribute() : this(null) { }
    public GivenAttribute(string? expression) : base(expression, StepDefinitionType.Given) { }
}

/// <summary>Binds a method to <c>When</c> steps (and <c>And</c>/<c>But</c> after them).</summary>
public sealed class WhenAttribute : StepDefinitionBaseAttribute
{
    public WhenAttribute() : this(null) { }
    public WhenAttribute(string? expression) : base(expression, StepDefinitionType.When) { }
}

/// <summary>Binds a method to <c>Then</c> steps (and <c>And</c>/<c>But</c> after them).</summary>
public sealed class ThenAttribute : StepDefinitionBaseAttribute
{
    public ThenAttribute() : this(null) { }
    public ThenAttribute(string? expression) : base(expression, StepDefinitionType.Then) { }
}

/// <summary>Binds a method to steps of any keyword.</summary>
public sealed class StepDefinitionAttribute : StepDefinitionBaseAttribute
{
    public StepDefinitionAttribute() : this(null) { }
    public StepDefinitionAttribute(string? expression)
        : base(expression, StepDefinitionType.Given, StepDefinitionType.When, StepDefinitionType.Then) { }
}
