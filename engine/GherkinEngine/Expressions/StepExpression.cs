namespace GherkinEngine;

/// <summary>A compiled step expression that matches a whole step text and extracts its arguments.</summary>
internal abstract class StepExpression
{
    protected StepExpression(string source) => Source = source;

    /// <summary>The expression as written in the attribute.</summary>
    public string Source { get; }

    /// <summary>How many arguments a match yields.</summary>
    public abstract int ParameterCount { get; }

    /// <summary>Matches the whole text; on success returns the argument strings (null for an unmatched optional regex group).</summary>
    public abstract bool TryMatch(string text, out string?[] arguments);

    /// <summary>
    /// Compiles an expression using Reqnroll's rule: a regular expression when it starts with <c>^</c> or
    /// ends with <c>$</c>, a Cucumber Expression otherwise. <paramref name="parameterTypes"/> are the
    /// bound method's parameter types, so <c>{TypeName}</c> can name an enum or other convertible type.
    /// </summary>
    /// <exception cref="StepExpressionException">The expression does not parse.</exception>
    public static StepExpression Create(string? source, IReadOnlyList<Type> parameterTypes, CustomParameterResolver? custom = null)
    {
        if (string.IsNullOrEmpty(source))
            throw new StepExpressionException("A step definition needs an expression, e.g. [Given(\"the user is logged in\")].");
        return source.StartsWith('^') || source.EndsWith('$')
            ? new RegexStepExpression(source)
            : CucumberExpression.Compile(source, parameterTypes, custom);
    }

    public override string ToString() => Source;
}
