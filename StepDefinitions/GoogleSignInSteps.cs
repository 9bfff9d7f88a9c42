using Netra.Acceptance.Support.Browser;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>Enterprise sign-in with Google (the local stand-in plays Google), in the browser and over HTTP.</summary>
[Binding]
public sealed class GoogleSignInSteps(
    People people, GoogleSignIn google, GoogleSignInPages googlePages, ChatPage chat, AuthApi auth, BackendApi backend, GoogleSignInTrial trial)
{
    [When("{word} continues with Google on the website and signs in at Google")]
    public async Task ContinuesWithGoogle(string alias)
    {
        var person = people[alias];
        person.SignedInWithGoogle = true;
        await googlePages.ContinueWithGoogleAsync(person.Email, person.FullName);
    }

    [Then("{word} is in the chat with her/his/their live connection up")]
    public async Task IsInTheChat(string alias)
    {
        await googlePages.WaitForTheChatAsync();
        var session = people[alias].Session = await chat.StoredSessionAsync(people[alias]);
        people[alias].UserId = session.UserId;
    }

    [Then("the platform knows {word} by the identity Google vouched for")]
    public async Task PlatformKnowsTheGoogleIdentity(string alias)
    {
        var person = people[alias];
        var account = (await auth.AccountOfAsync(person)).ShouldBeFromGoogle(person);
        account.Name.Should().Be(person.FullName, "the account carries the name Google gave");
        var profile = await backend.ProfileWhenKnownAsync(person, ContractWindows.NewUserVisible);
        (profile.UserId, profile.Email, profile.Name).Should().Be((account.UserId, account.Email, person.FullName), "the platform knows her as the sign-in service does");
    }

    [When("{word} asks to continue with Google")]
    public async Task AsksToContinueWithGoogle(string alias)
    {
        // Twice: what makes a sign-in Netra's own (state, nonce, challenge) must be new every time.
        trial.Starts.Add(await google.StartAsync());
        trial.Starts.Add(await google.StartAsync());
    }

    [Then("{word} is sent to Google with a one-time state, a nonce and a code challenge that only Netra can answer")]
    public void SentToGoogleWithProtection(string alias) => google.ShouldEachBeNetrasOwn(trial.Starts[0], trial.Starts[1]);

    [Then("Google refuses a sign-in whose challenge anyone could answer")]
    public async Task GoogleRefusesAPlainChallenge() => (await google.TryAPlainChallengeAsync(trial.Starts[0])).ShouldRefuseThePlainChallenge();

    [Then("a sign-in with a provider Netra does not offer is refused, naming the provider")]
    public async Task UnknownProviderRefused() => (await google.StartWithAsync("myspace")).ShouldBeRefusedNaming("myspace");

    [Given("{word} has signed in with Google before")]
    public async Task SignedInBefore(string alias) => people[alias].EarlierSession = await google.SignInAsync(people[alias]);

    [When("{word} signs in with Google")]
    [When("{word} signs in with Google with the same email address")]
    public async Task SignsInWithGoogle(string alias) => await google.SignInAsync(people[alias]);

    [Then("{word} is signed into the same account as before")]
    public async Task SameAccountAsBefore(string alias)
    {
        var person = people[alias];
        person.Session!.UserId.Should().Be(person.EarlierSession!.UserId, "the same Google identity is the same Netra user");
        (await auth.AccountOfAsync(person)).UserId.Should().Be(person.EarlierSession.UserId);
    }

    [Then("the sign-in service says {word} signed in with Google")]
    public async Task SignedInWithGoogle(string alias) => (await auth.AccountOfAsync(people[alias])).ShouldBeFromGoogle(people[alias]);

    [Then("{word} is signed into the account she/he/they created with her/his/their password")]
    public async Task SignedIntoThePasswordAccount(string alias)
    {
        var person = people[alias];
        person.Session!.UserId.Should().Be(person.UserId, "a verified Google email that matches an account is linked to it, not duplicated");
        (await auth.AccountOfAsync(person)).UserId.Should().Be(person.UserId);
    }

    [When("{word}'s Google sign-in is {}")]
    public async Task SignInInterferedWith(string alias, string how) => trial.Outcome = await google.InterfereAsync(how, people[alias]);

    [Then("the sign-in ends on the error page because it {}")]
    public void EndsOnTheErrorPage(string why) => trial.Outcome!.ShouldEndOnTheErrorPage(why);

    [Then("{word} is given no session from Google")]
    public void NoSessionFromGoogle(string alias) => trial.Outcome!.ShouldHandOutNoSession();

    [When("someone asks Google to send {word}'s sign-in to another website")]
    public async Task AsksGoogleToSendElsewhere(string alias) => trial.SentElsewhere = await google.TryToSendElsewhereAsync();

    [Then("Google refuses, and no sign-in reaches that website")]
    public void GoogleRefuses()
    {
        trial.SentElsewhere.Should().NotBeEmpty();
        foreach (var (address, answer) in trial.SentElsewhere) answer.ShouldRefuseToSendTo(address);
    }

    [When("{word} continues with Google on the website but cancels at Google")]
    public async Task CancelsAtGoogle(string alias) =>
        await googlePages.ContinueWithGoogleAsync(people[alias].Email, people[alias].FullName, cancel: true);

    [Then("{word} sees that the sign-in was cancelled")]
    public async Task SeesCancelled(string alias) => (await googlePages.ErrorPageMessageAsync()).Should().Contain("cancelled");

    [Then("{word} is not signed in on the website")]
    public async Task NotSignedIn(string alias) => await chat.ShouldBeSignedOutAsync();
}
