namespace GherkinEngine;

internal enum StepMatchKind
{
    Found,
    Undefined,
    Ambiguous,
    /// <summary>The text matched, but no matching method fits the step's data table / doc string.</summary>
    ArgumentMismatch,
}

/// <summary>The outcome of looking up a step's definition (cached per step kind and text).</summary>
internal sealed class StepMatch
{
    private StepMatch(StepMatchKind kind, StepBinding? binding, string?[] arguments, IReadOnlyList<StepBinding> candidates)
    {
        Kind = kind;
        Binding = binding;
        Arguments = arguments;
        Candidates = candidates;
    }

    public StepMatchKind Kind { get; }
    public StepBinding? Binding { get; }
    public string?[] Arguments { get; }
    public IReadOnlyList<StepBinding> Candidates { get; }

    public static readonly StepMatch Undefined = new(StepMatchKind.Undefined, null, Array.Empty<string?>(), Array.Empty<StepBinding>());

    public static StepMatch Found(StepBinding binding, string?[] arguments) => new(StepMatchKind.Found, binding, arguments, new[] { binding });

    public static StepMatch Ambiguous(IReadOnlyList<StepBinding> candidates) => new(StepMatchKind.Ambiguous, null, Array.Empty<string?>(), candidates);

    public static StepMatch Mismatch(IReadOnlyList<StepBinding> candidates) => new(StepMatchKind.ArgumentMismatch, null, Array.Empty<string?>(), candidates);
}
