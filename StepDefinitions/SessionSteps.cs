using System.Net;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>Sessions: logging out, renewing, and being recognised by every service.</summary>
[Binding]
public sealed class SessionSteps(People people, AuthApi auth, SessionApi sessions, BackendApi backend)
{
    [Given("{word} has logged out")]
    public async Task HasLoggedOut(string alias)
    {
        var person = people[alias];
        var session = person.Session ?? throw new InvalidOperationException($"{alias} is not signed in.");
        var answer = await sessions.LogoutAsync(session.AccessToken, session.RefreshToken);
        answer.IsSuccess.Should().BeTrue($"logging out must work, but the auth service answered {answer.Status}: {answer.Detail}");
        person.EndedSession = session;
        person.Session = null;
    }

    [Then("{word} is still signed in everywhere")]
    public async Task StillSignedInEverywhere(string alias)
    {
        var token = people[alias].AccessToken;
        var me = await auth.MeAsync(token);
        me.IsSuccess.Should().BeTrue($"the sign-in service must still accept her session, but answered {me.Status}: {me.Detail}");
        var profile = await backend.ProfileAsync(token);
        profile.IsSuccess.Should().BeTrue($"the platform must still accept her session, but answered {profile.Status}: {profile.Detail}");
    }

    [Then("{word} can renew her/his/their session")]
    public async Task CanRenewTheSession(string alias)
    {
        var person = people[alias];
        var renewed = await sessions.RefreshAsync(person.Session!.RefreshToken);
        renewed.IsSuccess.Should().BeTrue($"her refresh token must still work, but the auth service answered {renewed.Status}: {renewed.Detail}");
        var session = renewed.As<Session>();
        session.AccessToken.Should().NotBe(person.Session.AccessToken, "renewing gives a new access token");
        person.Session = person.Session with { AccessToken = session.AccessToken, RefreshToken = session.RefreshToken };
        await StillSignedInEverywhere(alias);
    }

    [Then("{word}'s old session is still refused")]
    public async Task OldSessionStillRefused(string alias)
    {
        var ended = people[alias].EndedSession ?? throw new InvalidOperationException($"{alias} never logged out.");
        (await auth.MeAsync(ended.AccessToken)).Status.Should().Be(HttpStatusCode.Unauthorized, "a token revoked at logout stays revoked");
        (await sessions.RefreshAsync(ended.RefreshToken)).Status.Should().Be(HttpStatusCode.Unauthorized, "a refresh token revoked at logout stays revoked");
    }
}
