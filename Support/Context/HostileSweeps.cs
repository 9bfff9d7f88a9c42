using Netra.Acceptance.Support.Drivers;

namespace Netra.Acceptance.Support.Context;

/// <summary>One scenario's hostile sweeps, and what the customer had before them, to compare after.</summary>
public sealed class HostileSweeps
{
    public List<HostileSweep> Made { get; } = [];

    /// <summary>What the customer had (account, profile, conversations, usage) before anything hostile was sent.</summary>
    public string? Before { get; set; }

    /// <summary>Every case of every sweep was answered with a reason (a 4xx and a detail, or its error on the live connection).</summary>
    public void ShouldAllBeAnsweredWithAReason()
    {
        var findings = Made.SelectMany(s => s.Findings).ToList();
        findings.Should().BeEmpty($"every hostile input is answered with a 4xx and a detail (or its error on the live connection), never a 5xx or " +
                                  $"silence; of {Made.Sum(s => s.Cases)} cases, these were not:\n{HostileInput.Describe(findings)}");
    }
}
