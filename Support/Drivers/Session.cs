using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Security;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>The tokens the auth service hands out at sign-up and login.</summary>
public sealed record Session(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn, string UserId, SessionUser User)
{
    /// <summary>A session handed over as bare tokens (Google's sign-in ends with tokens in the address, not a body).</summary>
    public static Session FromTokens(string accessToken, string? refreshToken, Person person)
    {
        var userId = AccessTokenClaims.SubjectOf(accessToken);
        var claims = AccessTokenClaims.Of(accessToken);
        return new Session(accessToken, refreshToken ?? "", "Bearer", (int)claims.Lifetime.TotalSeconds, userId,
            new SessionUser(userId, person.Email, person.FullName));
    }

    /// <summary>The contract's session body, the same after sign-up and login: the tokens, their type and lifetime, and the user.</summary>
    public void ShouldSayWhoSheIs(Person person, string after)
    {
        TokenType.Should().Be("Bearer", $"the session after {after} says how to present its token");
        ExpiresIn.Should().BePositive($"the session after {after} says how long its access token lives");
        RefreshToken.Should().NotBeNullOrEmpty($"the session after {after} can be renewed");
        User.Should().NotBeNull($"the session after {after} names the user");
        UserId.Should().Be(person.UserId, $"the session after {after} is for the account she created");
        User.Id.Should().Be(person.UserId);
        User.Email.Should().Be(person.Email);
        User.Name.Should().Be(person.FullName, "she is called what she gave as her name");
    }

    /// <summary>A renewal gives a new pair: both the access token and the renewal token are replaced (rotation).</summary>
    public void ShouldReplace(Session earlier)
    {
        AccessToken.Should().NotBe(earlier.AccessToken, "renewing gives a new access token");
        RefreshToken.Should().NotBe(earlier.RefreshToken, "renewal tokens are rotated");
    }
}

public sealed record SessionUser(string Id, string Email, string? Name);
