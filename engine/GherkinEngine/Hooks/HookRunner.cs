namespace GherkinEngine;

/// <summary>Runs the hooks of one kind that apply to a set of tags, in order, with injected parameters.</summary>
internal static class HookRunner
{
    /// <summary>
    /// Runs the applicable hooks. Before-hooks stop at the first failure; after-hooks all run
    /// (cleanup must not be skipped) and the first failure is returned.
    /// </summary>
    public static async Task<HookFailedException?> RunAsync(
        BindingRegistry registry, HookType type, IReadOnlyCollection<string> tags, ObjectContainer container, CancellationToken cancellationToken)
    {
        var hooks = registry.HooksOf(type);
        if (hooks.Count == 0)
            return null;
        var stopAtFirstFailure = type is HookType.BeforeTestRun or HookType.BeforeFeature or HookType.BeforeScenario or HookType.BeforeStep;
        HookFailedException? failure = null;
        foreach (var hook in hooks)
        {
            if (!hook.AppliesTo(tags))
                continue;
            try
            {
                var target = hook.Method.IsStatic ? null : container.Resolve(hook.BindingType);
                var args = new object?[hook.ParameterTypes.Length];
                for (var i = 0; i < args.Length; i++)
                    args[i] = container.Resolve(hook.ParameterTypes[i]);
                await MethodInvoker.InvokeAsync(hook.Method, target, args, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failure ??= new HookFailedException(hook, e);
                if (stopAtFirstFailure)
                    break;
            }
        }
        return failure;
    }
}
