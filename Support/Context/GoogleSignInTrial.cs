using Netra.Acceptance.Support.Drivers;

namespace Netra.Acceptance.Support.Context;

/// <summary>What a Google sign-in scenario was told: where the last sign-in ended, and the provider's own answers.</summary>
public sealed class GoogleSignInTrial
{
    /// <summary>The last Google sign-in of the scenario and where the provider sent it back.</summary>
    public SignInOutcome? Outcome { get; set; }

    /// <summary>The provider's answer to a request the scenario sent it directly.</summary>
    public (System.Net.HttpStatusCode Status, string Body, Uri? Location)? ProviderAnswer { get; set; }
}
