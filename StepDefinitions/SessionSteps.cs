namespace Netra.Acceptance.StepDefinitions;

/// <summary>Sessions: logging out, renewing, and being recognised by every service.</summary>
[Binding]
public sealed class SessionSteps(People people, AuthApi auth, SessionApi sessions, BackendApi backend)
{
    [Given("{word} has logged out")]
    public async Task HasLoggedOut(string alias)
    {
        await sessions.LogOutAsync(people[alias], showingRenewalToken: true);
        people[alias].Session = null;
    }

    [Then("{word} is still signed in everywhere")]
    public async Task StillSignedInEverywhere(string alias)
    {
        var person = people[alias];
        (await auth.AccountOfAsync(person)).UserId.Should().Be(person.UserId, "the sign-in service still accepts her session");
        (await backend.ProfileOfAsync(person)).UserId.Should().Be(person.UserId, "the platform still accepts her session");
    }

    [Then("{word} can renew her/his/their session")]
    public async Task CanRenewTheSession(string alias)
    {
        (await sessions.RenewAsync(people[alias])).ShouldReplace(people[alias].EarlierSession!);
        await StillSignedInEverywhere(alias);
    }

    [Then("{word}'s old session is still refused")]
    public async Task OldSessionStillRefused(string alias)
    {
        var person = people[alias];
        var ended = person.EndedSession ?? throw new InvalidOperationException($"{alias} never logged out.");
        (await auth.MeAsync(ended.AccessToken)).ShouldBeRefused(Refusal.NotSignedIn, "a token revoked at logout stays revoked");
        (await sessions.TryToRenewAsync(person, ended, "renewing a session ended at logout")).Answer.ShouldBeRefused(Refusal.NotSignedIn, "a renewal token revoked at logout stays revoked");
    }
}
