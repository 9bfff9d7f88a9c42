using System.Reflection;

namespace GherkinEngine;

/// <summary>Invokes binding methods, awaiting Task/ValueTask results, without wrapping exceptions.</summary>
internal static class MethodInvoker
{
    public static async ValueTask InvokeAsync(MethodInfo method, object? target, object?[] args, CancellationToken cancellationToken)
    {
        // DoNotWrapExceptions keeps the step's own exception type and stack (e.g. an assertion failure).
        var result = method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, args, null);
        switch (result)
        {
            case null:
                return;
            case Task task:
                if (!task.IsCompleted)
                    await task.WaitAsync(cancellationToken).ConfigureAwait(false);
                await task.ConfigureAwait(false);
                return;
            case ValueTask valueTask:
                await valueTask.ConfigureAwait(false);
                return;
            default:
                var type = result.GetType();
                if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    var asTask = (Task)type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(result, null)!;
                    await asTask.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                return;
        }
    }
}
