namespace GherkinEngine.BoDi;

/// <summary>An object could not be resolved (interface not registered, circular dependency, constructor failure).</summary>
public sealed class ObjectContainerException : Exception
{
    public ObjectContainerException(string message, Exception? inner = null) : base(message, inner) { }
}
