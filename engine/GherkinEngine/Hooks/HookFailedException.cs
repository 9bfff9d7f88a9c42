namespace GherkinEngine;

/// <summary>A hook threw; the message names the hook, the inner exception is the original.</summary>
public sealed class HookFailedException : Exception
{
    public HookFailedException(HookBinding hook, Exception inner)
        : base($"[{hook.HookType}] hook {hook.Description} failed: {inner.GetType().Name}: {inner.Message}", inner)
    {
        Hook = hook;
    }

    public HookBinding Hook { get; }
}
