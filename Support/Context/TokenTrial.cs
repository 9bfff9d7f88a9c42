namespace Netra.Acceptance.Support.Context;

/// <summary>A token someone presented on a person's behalf (forged, replayed or none), for the steps that judge its refusal.</summary>
public sealed class TokenTrial
{
    /// <summary>The token presented (null: none at all).</summary>
    public string? PresentedToken { get; set; }

    /// <summary>The reason the last refusal was checked for, so a live connection can be checked for the same one.</summary>
    public string? LastReason { get; set; }
}
