using System.Net;
using Netra.Acceptance.Support.Browser;
using Netra.Acceptance.Support.Security;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>Enterprise sign-in with Google (the local stand-in plays Google), in the browser and over HTTP.</summary>
[Binding]
public sealed class GoogleSignInSteps(
    People people, GoogleSignIn google, GoogleSignInPages googlePages, ChatPage chat, BrowserWindow browser,
    AuthApi auth, BackendApi backend, SecurityTrial trial, EnvironmentContext environment)
{
    /// <summary>The sign-in error page's reasons (frontend error codes per the contract's callback).</summary>
    private static readonly Dictionary<string, string> Why = new(StringComparer.OrdinalIgnoreCase)
    {
        ["is not a sign-in Netra started"] = "invalid_state",
        ["could not be completed with Google"] = "invalid_grant",
    };

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
        var token = await chat.StoredAccessTokenAsync();
        token.Should().NotBeNullOrEmpty("signing in with Google leaves a Netra session in the browser");
        var person = people[alias];
        person.UserId = TokenForge.Claims(token!)["sub"]!.ToString();
        person.Session = new Session(token!, "", "Bearer", 900, person.UserId, new SessionUser(person.UserId, person.Email, person.FullName));
    }

    [Then("the platform knows {word} by the identity Google vouched for")]
    public async Task PlatformKnowsTheGoogleIdentity(string alias)
    {
        var person = people[alias];
        var me = await auth.MeAsync(person.AccessToken);
        me.IsSuccess.Should().BeTrue($"the sign-in service must know its own token: {me.Status} {me.Detail}");
        me["auth_provider"].Should().Be("google");
        me["email"].Should().Be(person.Email.ToLowerInvariant(), "the account carries the email Google verified");
        me["name"].Should().Be(person.FullName, "the account carries the name Google gave");

        var profile = await backend.ProfileWhenKnownAsync(person.AccessToken, TimeSpan.FromSeconds(1));
        profile.IsSuccess.Should().BeTrue($"the platform must know a user who signed in with Google: {profile.Status} {profile.Detail}");
        profile["user_id"].Should().Be(me["user_id"]);
        profile["email"].Should().Be(me["email"]);
        profile["name"].Should().Be(person.FullName);
    }

    [When("{word} asks to continue with Google")]
    public async Task AsksToContinueWithGoogle(string alias)
    {
        // Twice: what makes a sign-in Netra's own (state, nonce, challenge) must be new every time.
        _starts.Add(await google.StartAsync());
        _starts.Add(await google.StartAsync());
    }

    [Then("{word} is sent to Google with a one-time state, a nonce and a code challenge that only Netra can answer")]
    public void SentToGoogleWithProtection(string alias)
    {
        var (first, second) = (GoogleSignIn.ParametersOf(_starts[0]), GoogleSignIn.ParametersOf(_starts[1]));
        _starts[0].GetLeftPart(UriPartial.Authority).Should().NotBe(environment.Endpoints.Auth.GetLeftPart(UriPartial.Authority), "the sign-in goes to Google");
        foreach (var name in new[] { "state", "nonce", "code_challenge" })
        {
            first.GetValueOrDefault(name).Should().NotBeNullOrEmpty($"the sign-in sent to Google carries a {name}");
            first[name].Length.Should().BeGreaterThanOrEqualTo(16, $"a {name} must not be guessable");
            second.GetValueOrDefault(name).Should().NotBe(first[name], $"each sign-in gets a {name} of its own");
        }
        first.GetValueOrDefault("code_challenge_method").Should().Be("S256", "the code challenge is a hash Netra alone can answer, never the plain verifier");
        first.GetValueOrDefault("redirect_uri").Should().EndWith("/auth/callback", "Google sends the sign-in back to Netra's sign-in service");
    }

    [Then("Google refuses a sign-in whose challenge anyone could answer")]
    public async Task GoogleRefusesAPlainChallenge()
    {
        var plain = GoogleSignIn.WithParameter(GoogleSignIn.WithParameter(_starts[0], "code_challenge_method", "plain"), "code_challenge", "a-verifier-anyone-who-sees-it-can-send-back-0123456789");
        var (status, body, location) = await google.AskProviderAsync(plain);
        (status == HttpStatusCode.BadRequest || location?.Query.Contains("error=") == true).Should().BeTrue(
            $"the provider takes only S256 challenges, but it answered {(int)status} {location}: {body[..Math.Min(body.Length, 300)]}");
        body.Should().NotContain("idp-email", "the provider must not offer its sign-in page for a plain challenge");
    }

    [Then("a sign-in with a provider Netra does not offer is refused, naming the provider")]
    public async Task UnknownProviderRefused()
    {
        var (status, body) = await google.StartWithAsync("myspace");
        status.Should().Be(HttpStatusCode.BadRequest, $"Netra offers Google only, but a sign-in with another provider was answered {(int)status}: {body}");
        body.Should().Contain("myspace", "the refusal names the provider it does not offer");
    }

    private readonly List<Uri> _starts = [];

    [Given("{word} has signed in with Google before")]
    public async Task SignedInBefore(string alias)
    {
        await SignsInWithGoogle(alias);
        trial.EarlierSession = people[alias].Session;
    }

    [When("{word} signs in with Google")]
    [When("{word} signs in with Google with the same email address")]
    public async Task SignsInWithGoogle(string alias)
    {
        var person = people[alias];
        person.SignedInWithGoogle = true;
        var (outcome, _) = await google.SignInAsync(person.Email, person.FullName);
        outcome.Error.Should().BeNull($"the sign-in should succeed, but ended at {outcome.Location}");
        outcome.SignedIn.Should().BeTrue();
        outcome.Location.AbsolutePath.Should().Be("/auth/callback", "the tokens are handed to the website's sign-in callback");
        var sub = TokenForge.Claims(outcome.AccessToken!)["sub"]!.ToString();
        person.Session = new Session(outcome.AccessToken!, outcome.RefreshToken!, "Bearer", 900, sub, new SessionUser(sub, person.Email, person.FullName));
    }

    [Then("{word} is signed into the same account as before")]
    public async Task SameAccountAsBefore(string alias)
    {
        var person = people[alias];
        person.Session!.UserId.Should().Be(trial.EarlierSession!.UserId, "the same Google identity is the same Netra user");
        var me = await auth.MeAsync(person.AccessToken);
        me["user_id"].Should().Be(trial.EarlierSession.UserId);
    }

    [Then("the sign-in service says {word} signed in with Google")]
    public async Task SignedInWithGoogle(string alias)
    {
        var me = await auth.MeAsync(people[alias].AccessToken);
        me.IsSuccess.Should().BeTrue($"the sign-in service describes its own token's user: {me.Describe()}");
        me["auth_provider"].Should().Be("google", "an account made by signing in with Google says so");
        me["email"].Should().Be(people[alias].Email.ToLowerInvariant());
    }

    [Then("{word} is signed into the account she/he/they created with her/his/their password")]
    public async Task SignedIntoThePasswordAccount(string alias)
    {
        var person = people[alias];
        person.Session!.UserId.Should().Be(person.UserId, "a verified Google email that matches an account is linked to it, not duplicated");
        var me = await auth.MeAsync(person.AccessToken);
        me.IsSuccess.Should().BeTrue();
        me["user_id"].Should().Be(person.UserId);
    }

    [When("{word}'s Google sign-in is {}")]
    public async Task SignInInterferedWith(string alias, string how)
    {
        var person = people[alias];
        person.SignedInWithGoogle = true;
        switch (how)
        {
            case "returned with a tampered state":
            {
                var callback = await google.AtProviderAsync(await google.StartAsync(), person.Email, person.FullName);
                trial.GoogleOutcome = await google.ReturnAsync(GoogleSignIn.WithParameter(callback, "state", "tampered-" + Guid.NewGuid().ToString("N")));
                break;
            }
            case "replayed after she had signed in":
            {
                var (first, callback) = await google.SignInAsync(person.Email, person.FullName);
                first.SignedIn.Should().BeTrue("her own sign-in succeeds first");
                trial.GoogleOutcome = await google.ReturnAsync(callback);
                break;
            }
            case "returned with the code of an earlier sign-in":
            {
                var (first, earlier) = await google.SignInAsync(person.Email, person.FullName);
                first.SignedIn.Should().BeTrue("her earlier sign-in succeeds");
                var current = await google.AtProviderAsync(await google.StartAsync(), person.Email, person.FullName);
                var earlierCode = System.Web.HttpUtility.ParseQueryString(earlier.Query)["code"]!;
                trial.GoogleOutcome = await google.ReturnAsync(GoogleSignIn.WithParameter(current, "code", earlierCode));
                break;
            }
            default:
                throw new ArgumentException($"No such interference in the scenario vocabulary: '{how}'.");
        }
    }

    [Then("the sign-in ends on the error page because it {}")]
    public void EndsOnTheErrorPage(string why)
    {
        var outcome = trial.GoogleOutcome!;
        outcome.Location.AbsolutePath.Should().Be("/auth/error", $"a refused sign-in ends on the website's error page, not at {outcome.Location}");
        outcome.Error.Should().Be(Why[why]);
    }

    [Then("{word} is given no session from Google")]
    public void NoSessionFromGoogle(string alias)
    {
        var outcome = trial.GoogleOutcome!;
        outcome.AccessToken.Should().BeNull();
        outcome.RefreshToken.Should().BeNull();
        outcome.Location.Fragment.Should().NotContain("token");
    }

    [When("someone asks Google to send {word}'s sign-in to another website")]
    public async Task AsksGoogleToSendElsewhere(string alias)
    {
        var authorize = await google.StartAsync();
        var registered = GoogleSignIn.ParametersOf(authorize)["redirect_uri"];
        // A stranger's address, and two that look like the registered one: a longer one and one in other letters' case.
        foreach (var elsewhere in new[] { "https://evil.example/auth/callback", registered + ".evil.example", registered.ToUpperInvariant() })
            _elsewhere.Add((elsewhere, await google.AskProviderAsync(GoogleSignIn.WithParameter(authorize, "redirect_uri", elsewhere))));
    }

    [Then("Google refuses, and no sign-in reaches that website")]
    public void GoogleRefuses()
    {
        _elsewhere.Should().NotBeEmpty();
        foreach (var (address, (status, body, location)) in _elsewhere)
        {
            status.Should().Be(HttpStatusCode.BadRequest, $"the provider only sends sign-ins to the exact address Netra registered, not to {address}");
            body.Should().Contain("redirect_uri");
            location.Should().BeNull($"nothing may be sent to {address}");
        }
    }

    private readonly List<(string Address, (HttpStatusCode Status, string Body, Uri? Location) Answer)> _elsewhere = [];

    [When("{word} continues with Google on the website but cancels at Google")]
    public async Task CancelsAtGoogle(string alias)
    {
        var person = people[alias];
        await googlePages.ContinueWithGoogleAsync(person.Email, person.FullName, cancel: true);
    }

    [Then("{word} sees that the sign-in was cancelled")]
    public async Task SeesCancelled(string alias) =>
        (await googlePages.ErrorPageMessageAsync()).Should().Contain("cancelled");

    [Then("{word} is not signed in on the website")]
    public async Task NotSignedIn(string alias)
    {
        (await chat.StoredAccessTokenAsync()).Should().BeNull("a cancelled sign-in leaves no session in the browser");
        var page = await browser.PageAsync();
        await page.GotoAsync("/chat");
        await Microsoft.Playwright.Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login$"), new() { Timeout = 15_000 });
    }
}
