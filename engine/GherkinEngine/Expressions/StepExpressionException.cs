namespace GherkinEngine.Runner;

/// <summary>A step expression that does not parse.</summary>
public sealed class StepExpressionException : Exception
{
    public StepExpressionException(string message, Exception? inner = null) : base(message, inner) { }
}
