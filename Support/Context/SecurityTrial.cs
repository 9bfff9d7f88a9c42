using Netra.Acceptance.Support.Drivers;

namespace Netra.Acceptance.Support.Context;

/// <summary>What a security scenario presented and was told, beyond what each person holds.</summary>
public sealed class SecurityTrial
{
    /// <summary>The token someone presented on a person's behalf (null: none at all).</summary>
    public string? PresentedToken { get; set; }

    /// <summary>The session a person held before renewing it or signing in again.</summary>
    public Session? EarlierSession { get; set; }

    /// <summary>The last answer of the sign-in service that refused something.</summary>
    public ApiResponse? Refusal { get; set; }

    /// <summary>The last Google sign-in of the scenario and where the provider sent it back.</summary>
    public SignInOutcome? GoogleOutcome { get; set; }

    /// <summary>The provider's answer to a request the scenario sent it directly.</summary>
    public (System.Net.HttpStatusCode Status, string Body, Uri? Location)? ProviderAnswer { get; set; }
}
