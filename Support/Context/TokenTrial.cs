using Netra.Acceptance.Support.Drivers;

namespace Netra.Acceptance.Support.Context;

/// <summary>A token someone presented on a person's behalf (forged, replayed or none), for the steps that judge its refusal.</summary>
public sealed class TokenTrial
{
    /// <summary>The token presented (null: none at all).</summary>
    public string? PresentedToken { get; set; }

    /// <summary>The reason the last refusal was checked for, so a live connection can be checked for the same one.</summary>
    public string? LastReason { get; set; }

    /// <summary>The replay of a renewal token already used, kept to judge its refusal.</summary>
    public Attempt? Replay { get; set; }

    /// <summary>Live connections pages on other websites tried to open with a person's token.</summary>
    public List<ConnectionAttempt> ForeignPageConnections { get; } = [];
}
