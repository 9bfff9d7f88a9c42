using System.Text.Json.Nodes;
using Netra.Acceptance.Support.Context;

namespace Netra.Acceptance.Support.Security;

/// <summary>What a token the sign-in service issued says about itself (read, not verified: it came from the service).</summary>
public sealed record AccessTokenClaims(
    string? Subject, string? Email, string? Plan, bool ListsPermissions, string? Type, string? Issuer, string? Audience, string? Id,
    TimeSpan Lifetime)
{
    /// <summary>The contract's issuer and audience of every Netra access token.</summary>
    public const string NetraIssuer = "netra-auth-service", NetraAudience = "netra-platform";

    public static AccessTokenClaims Of(string jwt)
    {
        var claims = TokenForge.Claims(jwt);
        string? Claim(string name) => claims[name]?.ToString();
        long Seconds(string name) => long.TryParse(Claim(name), out var seconds) ? seconds : 0;
        return new AccessTokenClaims(Claim("sub"), Claim("email"), Claim("plan_tier"), claims["permissions"] is JsonArray,
            Claim("token_type"), Claim("iss"), Claim("aud"), Claim("jti"), TimeSpan.FromSeconds(Seconds("exp") - Seconds("iat")));
    }

    /// <summary>The account id a token names (for a session that arrived without a body, as Google's does).</summary>
    public static string SubjectOf(string jwt) =>
        Of(jwt).Subject ?? throw new InvalidOperationException("The sign-in service issued a token that names no account.");

    /// <summary>An access token for her account, email and plan, meant for the platform, living the given time.</summary>
    public void ShouldBeAnAccessTokenFor(Person person, string plan, TimeSpan lifetime)
    {
        Subject.Should().Be(person.UserId, "the token names the account it was issued to");
        Email.Should().Be(person.Email);
        Plan.Should().Be(plan, "the token names the account's plan");
        ListsPermissions.Should().BeTrue("the token lists its permissions");
        Type.Should().Be("access");
        Issuer.Should().Be(NetraIssuer);
        Audience.Should().Be(NetraAudience);
        Id.Should().NotBeNullOrEmpty("each token has an id, so it can be revoked on its own");
        Lifetime.Should().Be(lifetime, "an access token lives the contract's time");
    }

    public bool IsARenewalToken => Type == "refresh";
}
