using Netra.Acceptance.Support.Context;

namespace Netra.Acceptance.Support.Performance;

/// <summary>One performance scenario's load (its customers) and what was measured on it, for the step that judges it.</summary>
public sealed class Measurements
{
    public IReadOnlyList<Person> Customers { get; set; } = [];

    public List<Latencies> Made { get; } = [];
}
