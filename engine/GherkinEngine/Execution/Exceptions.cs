namespace GherkinEngine;

/// <summary>Thrown by a step that is not implemented yet; the scenario fails as pending.</summary>
public class PendingStepException : Exception
{
    internal const string DefaultMessage = "One or more step definitions are not implemented yet.";

    public PendingStepException() : base(DefaultMessage) { }
    public PendingStepException(string message) : base(message) { }
    public PendingStepException(string message, Exception? inner) : base(message, inner) { }
}

/// <summary>No step definition matches a step; the message lists binding snippets to paste.</summary>
public sealed class UndefinedStepException : Exception
{
    public UndefinedStepException(string message) : base(message) { }
}

/// <summary>More than one step definition matches a step; the message names them all.</summary>
public sealed class AmbiguousStepException : Exception
{
    public AmbiguousStepException(string message) : base(message) { }
}

/// <summary>A binding cannot be used: invalid expression, parameters that do not fit, unconvertible argument.</summary>
public sealed class BindingException : Exception
{
    public BindingException(string message, Exception? inner = null) : base(message, inner) { }
}
