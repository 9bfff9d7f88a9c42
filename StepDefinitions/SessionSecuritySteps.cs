using Netra.Acceptance.Support.Security;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>One sign-in honoured by every service, and every other token refused (REST and live connection).</summary>
[Binding]
public sealed class SessionSecuritySteps(
    People people, AuthApi auth, SessionApi sessions, BackendApi backend, ChatConnections chats, TokenVocabulary tokens,
    TokenTrial trial, EnvironmentContext environment)
{
    [Given("{word} is signed in")]
    public async Task IsSignedIn(string alias) => await auth.SignUpAsync(people[alias]);

    [Then("the platform accepts {word}'s token on its pages as her/his/their account")]
    public async Task PlatformAcceptsTheToken(string alias)
    {
        var person = people[alias];
        var profile = await backend.ProfileWhenKnownAsync(person);
        (profile.UserId, profile.Email).Should().Be((person.UserId!, person.Email), "the platform knows her by the account the token names");
    }

    [Then("{word}'s token opens her/his/their live connection as her/his/their account")]
    [Then("{word}'s renewed token opens her/his/their live connection as her/his/their account")]
    [Given("{word} has her/his/their live connection open")]
    [Then("{word}'s own token still opens her/his/their live connection as her/his/their account")]
    public async Task TokenOpensTheLiveConnection(string alias)
    {
        var person = people[alias];
        (await chats.OpenAsync(person)).GreetedAs.Should().Be(person.UserId, "the connection belongs to the account whose token opened it");
    }

    [Then("{word}'s token names her/his/their account, her/his/their email and her/his/their plan, is meant for the platform, and lasts {int} minutes")]
    public void TokenSaysWhoseItIs(string alias, int minutes)
    {
        var person = people[alias];
        AccessTokenClaims.Of(person.AccessToken).ShouldBeAnAccessTokenFor(person, "free", TimeSpan.FromMinutes(minutes));
        person.Session!.ExpiresIn.Should().Be(minutes * 60, "the session says how long its access token lives");
        AccessTokenClaims.Of(person.Session.RefreshToken).IsARenewalToken.Should().BeTrue("the other token of the pair only renews");
    }

    [Then("the platform refuses each of these tokens, on its pages and on its live connection:")]
    public async Task PlatformRefusesEach(DataTable table)
    {
        var person = people.All.Single(p => p.Session is not null);
        foreach (var which in table.Rows.Select(r => r["token"]))
        {
            var token = tokens.TokenFor(which, person.Session!);
            (await backend.TryToReadProfileAsync(token)).ShouldBeRefused(Refusal.NotSignedIn, $"the platform checks {which} itself");
            (await chats.TryToOpenAsync(which, token)).ShouldBeRefusedForItsToken();
        }
    }

    [When("someone presents {} on {word}'s behalf")]
    public void PresentsAToken(string which, string alias) =>
        trial.PresentedToken = tokens.TokenFor(which, people[alias].Session!);

    [Then("the platform refuses it because it is {}")]
    public async Task PlatformRefusesIt(string why)
    {
        trial.LastReason = TokenVocabulary.ReasonPattern(why);
        (await backend.TryToReadProfileAsync(trial.PresentedToken)).ShouldAskForSignIn($"a token that is {why} must not be accepted", trial.LastReason);
    }

    [Then("a live connection opened with it is refused for the same reason and closed")]
    public async Task LiveConnectionRefused() =>
        (await chats.TryToOpenAsync("the presented token", trial.PresentedToken)).ShouldBeRefusedForItsToken(trial.LastReason);

    [Then("the sign-in service refuses it too")]
    public async Task SignInServiceRefusesIt() =>
        (await auth.MeAsync(trial.PresentedToken)).ShouldBeRefused(Refusal.NotSignedIn, "the sign-in service checks tokens itself too").ShouldExplain();

    [When("{word} logs out")]
    public async Task LogsOut(string alias) => await sessions.LogOutAsync(people[alias]);

    [When("{word} closes her/his/their account")]
    public async Task ClosesTheAccount(string alias) => await sessions.CloseAccountAsync(people[alias]);

    [Then("{word}'s live connection is closed because her/his/their session has ended")]
    public async Task LiveConnectionClosed(string alias) =>
        await chats.Of(people[alias]).ShouldBeEndedForItsTokenAsync(ContractWindows.RevocationReach);

    [Then("the platform refuses {word}'s old token because it is {word}")]
    public async Task PlatformRefusesTheOldToken(string alias, string why)
    {
        var (token, reason) = (people[alias].AccessToken, TokenVocabulary.ReasonPattern(why));
        (await backend.ProfileRefusedAsync(token, ContractWindows.RevocationReach)).ShouldBeRefused(Refusal.NotSignedIn, "the platform stops honouring it", reason);
        (await chats.TryToOpenAsync("the old token", token)).ShouldBeRefusedForItsToken(reason);
    }

    [Then("the sign-in service refuses to renew {word}'s old session")]
    public async Task CannotRenewTheOldSession(string alias)
    {
        var person = people[alias];
        var attempt = await sessions.TryToRenewAsync(person, person.Session!, "renewing an ended session");
        attempt.Answer.ShouldBeRefused(Refusal.NotSignedIn, attempt.What, "(?i)revoked").ShouldHandOutNoSession(attempt.What);
    }

    [Then("the sign-in service no longer knows {word}")]
    public async Task SignInServiceForgotThem(string alias)
    {
        var person = people[alias];
        (await auth.TryToLogInAsync(person, "to a closed account", person.Email, person.Password)).Answer.ShouldBeRefused(Refusal.NotSignedIn, "a closed account cannot log in");
        (await auth.MeAsync(person.AccessToken)).ShouldBeRefused(Refusal.NotSignedIn, "a closed account's token names nobody");
    }

    [When("pages on other websites, one of them at an address that looks like Netra's, try to open {word}'s live connection with her/his/their token")]
    public async Task ForeignPagesConnect(string alias)
    {
        foreach (var origin in ForeignOrigins.LookingLike(environment.Endpoints.Frontend))
            trial.ForeignPageConnections.Add(await chats.TryToOpenAsync($"a page at {origin}", people[alias].AccessToken, origin));
    }

    [Then("the platform refuses each of those connections")]
    public void ConnectionsRefused()
    {
        trial.ForeignPageConnections.Should().NotBeEmpty();
        trial.ForeignPageConnections.ForEach(attempt => attempt.ShouldBeTurnedAway());
    }

    [Then("{word}'s token still opens her/his/their live connection from the Netra website")]
    public async Task OpensFromTheWebsite(string alias)
    {
        var person = people[alias];
        var website = environment.Endpoints.Frontend.GetLeftPart(UriPartial.Authority);
        (await chats.TryToOpenAsync("the Netra website", person.AccessToken, website)).ShouldBeGreetedAs(person.UserId);
    }

    [When("{word} renews her/his/their session")]
    [When("{word} renews her/his/their session again")]
    public async Task RenewsTheSession(string alias)
    {
        var person = people[alias];
        (await sessions.RenewAsync(person)).ShouldReplace(person.EarlierSession!);
    }

    [When("someone replays {word}'s used renewal token")]
    public async Task ReplaysTheUsedRenewal(string alias) =>
        trial.Replay = await sessions.TryToRenewAsync(people[alias], people[alias].EarlierSession!, "replaying a used renewal token");

    [Then("the sign-in service refuses it because it was already used")]
    public void RefusedAsReused()
    {
        var attempt = trial.Replay!;
        attempt.Answer.ShouldBeRefused(Refusal.NotSignedIn, attempt.What, "(?i)already used").ShouldHandOutNoSession(attempt.What);
    }

    [Then("{word}'s session has ended everywhere")]
    public async Task SessionEndedEverywhere(string alias)
    {
        await CannotRenewTheOldSession(alias);
        await PlatformRefusesTheOldToken(alias, "revoked");
        await LiveConnectionClosed(alias);
    }
}
