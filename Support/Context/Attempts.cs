using Netra.Acceptance.Support.Drivers;

namespace Netra.Acceptance.Support.Context;

/// <summary>One thing a scenario tried that the rule says must be refused, and the answer it got.</summary>
public sealed record Attempt(string What, ApiResponse Answer);

/// <summary>The attempts of one scenario, in the order they were made, for the step that checks their refusals.</summary>
public sealed class Attempts
{
    private readonly List<(Attempt Attempt, System.Net.HttpStatusCode Expected)> _made = [];

    public void Add(string what, ApiResponse answer, System.Net.HttpStatusCode expectedRefusal) => _made.Add((new Attempt(what, answer), expectedRefusal));

    public IReadOnlyList<(Attempt Attempt, System.Net.HttpStatusCode Expected)> Made => _made;
}
