using Netra.Acceptance.Support.Drivers;

namespace Netra.Acceptance.Support.Context;

/// <summary>
/// Something a scenario tried and the answer it kept, for a later step to judge: the one type for failure paths
/// (a person's last try is <see cref="Person.LastAttempt"/>; a scenario's many tries are <see cref="Attempts"/>).
/// <see cref="Expected"/> is the refusal the rule requires, or null where the rule says it must succeed.
/// </summary>
public sealed record Attempt(string What, ApiResponse Answer, Refusal? Expected = null)
{
    /// <summary>Judges the attempt against what was expected of it when it was made.</summary>
    public void ShouldHaveGoneAsExpected()
    {
        if (Expected is { } refusal) Answer.ShouldBeRefused(refusal, $"{What} must be refused");
        else Answer.ShouldSucceed($"{What} must succeed");
    }

    /// <summary>Gone as expected, and the answer gives away nothing of what it was about (an id, an email).</summary>
    public void ShouldHaveGoneAsExpectedRevealingNothingOf(params string[] secrets)
    {
        ShouldHaveGoneAsExpected();
        if (Expected is not null) Answer.ShouldExplain(because: $"the refusal of {What} says why");
        foreach (var secret in secrets) (Answer.Body?.ToJsonString() ?? "").Should().NotContain(secret, $"{What} learns nothing");
    }
}

/// <summary>The attempts of one scenario, in the order they were made, for the step that checks them all.</summary>
public sealed class Attempts
{
    private readonly List<Attempt> _made = [];

    public void Add(Attempt attempt)
    {
        lock (_made) _made.Add(attempt);
    }

    public IReadOnlyList<Attempt> Made
    {
        get { lock (_made) return [.. _made]; }
    }
}
