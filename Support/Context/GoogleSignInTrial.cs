using Netra.Acceptance.Support.Drivers;

namespace Netra.Acceptance.Support.Context;

/// <summary>What a Google sign-in scenario was told: where the last sign-in ended, and the provider's own answers.</summary>
public sealed class GoogleSignInTrial
{
    /// <summary>The last Google sign-in of the scenario and where the provider sent it back.</summary>
    public SignInOutcome? Outcome { get; set; }

    /// <summary>Sign-ins started (and not finished), to compare what each was sent to Google with.</summary>
    public List<Uri> Starts { get; } = [];

    /// <summary>The provider's answers to requests to send a sign-in elsewhere than Netra registered.</summary>
    public IReadOnlyList<(string Address, ProviderAnswer Answer)> SentElsewhere { get; set; } = [];
}
