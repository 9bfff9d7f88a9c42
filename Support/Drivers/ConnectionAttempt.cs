using System.Net.WebSockets;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>
/// How the platform answered an attempt to open a live connection with some token from some page: turned away before
/// it opened (<see cref="TurnedAway"/>, the handshake's refusal), refused for its token once open (the error and the
/// close), or greeted as an account.
/// </summary>
public sealed record ConnectionAttempt(string What, string? TurnedAway, string? TokenRefusal, WebSocketCloseStatus? Closed, string? GreetedAs)
{
    /// <summary>Opened, and the platform greeted it as her account.</summary>
    public void ShouldBeGreetedAs(string? userId)
    {
        TurnedAway.Should().BeNull($"{What} must open");
        GreetedAs.Should().Be(userId, $"{What} must belong to the account whose token opened it");
    }

    /// <summary>Refused for its token (an authentication error saying why), closed as a policy violation, never greeted.</summary>
    public void ShouldBeRefusedForItsToken(string? saying = null)
    {
        TurnedAway.Should().BeNull($"{What} is refused once open, for its token, not turned away before");
        TokenRefusal.Should().NotBeNull($"{What} must be refused for its token");
        if (saying is not null) TokenRefusal.Should().MatchRegex(saying, "the refusal says why");
        Closed.Should().Be(WebSocketCloseStatus.PolicyViolation, $"{What} must be closed as a policy violation");
        GreetedAs.Should().BeNull($"a live connection must not open with {What}");
    }

    /// <summary>Refused before it opened, as forbidden (the page's origin is not Netra's).</summary>
    public void ShouldBeTurnedAway() =>
        TurnedAway.Should().Contain("403", $"the platform must refuse {What} before it opens, but it opened");
}
