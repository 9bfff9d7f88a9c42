using System.Net;
using System.Text.RegularExpressions;
using System.Web;
using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>Where a Google sign-in ended: at the frontend's callback with tokens, or at its error page.</summary>
public sealed record SignInOutcome(Uri Location, string? AccessToken, string? RefreshToken, string? Error)
{
    public bool SignedIn => AccessToken is not null;

    /// <summary>The reasons the website's error page gives, in the features' words (the contract's callback error codes).</summary>
    private static readonly Dictionary<string, string> ErrorCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["is not a sign-in Netra started"] = "invalid_state",
        ["could not be completed with Google"] = "invalid_grant",
    };

    /// <summary>A completed sign-in: tokens handed to the website's sign-in callback.</summary>
    public SignInOutcome ShouldHaveSignedIn()
    {
        Error.Should().BeNull($"the sign-in should succeed, but ended at {Location}");
        SignedIn.Should().BeTrue($"the sign-in hands over a session, but ended at {Location}");
        Location.AbsolutePath.Should().Be("/auth/callback", "the tokens are handed to the website's sign-in callback");
        return this;
    }

    /// <summary>A refused sign-in: the website's error page, giving the reason.</summary>
    public void ShouldEndOnTheErrorPage(string because)
    {
        ErrorCodes.Should().ContainKey(because, "the feature names one of the error page's reasons");
        Location.AbsolutePath.Should().Be("/auth/error", $"a refused sign-in ends on the website's error page, not at {Location}");
        Error.Should().Be(ErrorCodes[because]);
    }

    /// <summary>No token left anywhere in where the sign-in ended.</summary>
    public void ShouldHandOutNoSession()
    {
        AccessToken.Should().BeNull("a refused sign-in hands out no access token");
        RefreshToken.Should().BeNull("a refused sign-in hands out no renewal token");
        Location.Fragment.Should().NotContain("token");
    }
}

/// <summary>The provider's (or the auth service's) raw answer to a request a browser would not normally send.</summary>
public sealed record ProviderAnswer(HttpStatusCode Status, string Body, Uri? Location)
{
    private string Clipped => Body[..Math.Min(Body.Length, 300)];

    /// <summary>Refused outright (a bad request), or sent back with an error: never the provider's sign-in page.</summary>
    public void ShouldRefuseThePlainChallenge()
    {
        (Status == HttpStatusCode.BadRequest || Location?.Query.Contains("error=") == true).Should().BeTrue(
            $"the provider takes only S256 challenges, but it answered {(int)Status} {Location}: {Clipped}");
        Body.Should().NotContain("idp-email", "the provider must not offer its sign-in page for a plain challenge");
    }

    /// <summary>Refused as a bad request naming the return address, and sent nowhere.</summary>
    public void ShouldRefuseToSendTo(string address)
    {
        Status.Should().Be(HttpStatusCode.BadRequest, $"the provider only sends sign-ins to the exact address Netra registered, not to {address}: {Clipped}");
        Body.Should().Contain("redirect_uri", "the refusal names the return address it would not use");
        Location.Should().BeNull($"nothing may be sent to {address}");
    }

    /// <summary>Refused as a bad request naming what was refused.</summary>
    public void ShouldBeRefusedNaming(string what)
    {
        Status.Should().Be(HttpStatusCode.BadRequest, $"a sign-in with '{what}' is refused, but was answered {(int)Status}: {Clipped}");
        Body.Should().Contain(what, "the refusal names what it does not offer");
    }
}

/// <summary>
/// Google sign-in the way a browser walks it, as plain HTTP without following redirects, so a scenario can
/// look at (and interfere with) each leg: Netra's auth service → the provider's sign-in page → back to the
/// auth service's callback → the frontend. The contract: /auth/login?provider=google, /auth/callback, then
/// {frontend}/auth/callback#access_token=..&amp;refresh_token=.. or {frontend}/auth/error?error=..
/// </summary>
public sealed partial class GoogleSignIn(EnvironmentContext environment, ScenarioTranscript transcript) : IDisposable
{
    private readonly HttpClient _http = new(new RecordingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }, transcript))
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Asks the auth service to start a Google sign-in; returns the provider address it sends the browser to.</summary>
    public async Task<Uri> StartAsync()
    {
        using var response = await _http.GetAsync(new Uri(environment.Endpoints.Auth, "/auth/login?provider=google"));
        return RedirectOf(response, "the auth service, starting a Google sign-in");
    }

    /// <summary>Asks the auth service to start a sign-in with another provider; its raw answer.</summary>
    public async Task<ProviderAnswer> StartWithAsync(string provider)
    {
        using var response = await _http.GetAsync(new Uri(environment.Endpoints.Auth, $"/auth/login?provider={Uri.EscapeDataString(provider)}"));
        return new ProviderAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location);
    }

    /// <summary>
    /// What makes a sign-in Netra's own, checked on two starts: sent to the provider (not the auth service) with a state, a
    /// nonce and a code challenge that are each long enough not to be guessed and new every time; an S256 challenge (a hash
    /// only Netra can answer, never the plain verifier); and a return address at Netra's sign-in callback.
    /// </summary>
    public void ShouldEachBeNetrasOwn(Uri first, Uri second)
    {
        var (one, two) = (ParametersOf(first), ParametersOf(second));
        first.GetLeftPart(UriPartial.Authority).Should().NotBe(environment.Endpoints.Auth.GetLeftPart(UriPartial.Authority), "the sign-in goes to Google");
        foreach (var name in new[] { "state", "nonce", "code_challenge" })
        {
            one.GetValueOrDefault(name).Should().NotBeNullOrEmpty($"the sign-in sent to Google carries a {name}");
            one[name].Length.Should().BeGreaterThanOrEqualTo(16, $"a {name} must not be guessable");
            two.GetValueOrDefault(name).Should().NotBe(one[name], $"each sign-in gets a {name} of its own");
        }
        one.GetValueOrDefault("code_challenge_method").Should().Be("S256", "the code challenge is a hash Netra alone can answer, never the plain verifier");
        one.GetValueOrDefault("redirect_uri").Should().EndWith("/auth/callback", "Google sends the sign-in back to Netra's sign-in service");
    }

    /// <summary>Asks the provider to take a started sign-in with a plain challenge, one anyone who sees it could answer.</summary>
    public Task<ProviderAnswer> TryAPlainChallengeAsync(Uri started) =>
        AskProviderAsync(WithParameter(WithParameter(started, "code_challenge_method", "plain"), "code_challenge", "a-verifier-anyone-who-sees-it-can-send-back-0123456789"));

    /// <summary>
    /// Asks the provider to send a new sign-in elsewhere than Netra registered: to a stranger's address, and to two that look
    /// like the registered one (a longer one, and one in other letters' case). Each address with the provider's answer.
    /// </summary>
    public async Task<IReadOnlyList<(string Address, ProviderAnswer Answer)>> TryToSendElsewhereAsync()
    {
        var authorize = await StartAsync();
        var registered = ParametersOf(authorize)["redirect_uri"];
        var answers = new List<(string, ProviderAnswer)>();
        foreach (var elsewhere in new[] { "https://evil.example/auth/callback", registered + ".evil.example", registered.ToUpperInvariant() })
            answers.Add((elsewhere, await AskProviderAsync(WithParameter(authorize, "redirect_uri", elsewhere))));
        return answers;
    }

    /// <summary>Signs the person in with Google the whole way; her session, which she now holds.</summary>
    public async Task<Session> SignInAsync(Person person)
    {
        person.SignedInWithGoogle = true;
        var (outcome, _) = await SignInAsync(person.Email, person.FullName);
        outcome.ShouldHaveSignedIn();
        return person.Session = Session.FromTokens(outcome.AccessToken!, outcome.RefreshToken, person);
    }

    /// <summary>Someone interferes with the person's Google sign-in, in one of the features' ways; where it ended.</summary>
    public async Task<SignInOutcome> InterfereAsync(string how, Person person)
    {
        person.SignedInWithGoogle = true;
        return how switch
        {
            "returned with a tampered state" => await ReturnAsync(WithParameter(
                await AtProviderAsync(await StartAsync(), person.Email, person.FullName), "state", "tampered-" + Guid.NewGuid().ToString("N"))),
            "replayed after she had signed in" => await ReturnAsync(await OwnSignInAsync(person)),
            "returned with the code of an earlier sign-in" => await ReturnAsync(WithParameter(
                await AtProviderAsync(await StartAsync(), person.Email, person.FullName), "code", ParametersOf(await OwnSignInAsync(person))["code"])),
            _ => throw new ArgumentException($"No such interference in the scenario vocabulary: '{how}'."),
        };
    }

    /// <summary>The person's own sign-in, which succeeds; the provider's answer it was completed with.</summary>
    private async Task<Uri> OwnSignInAsync(Person person)
    {
        var (outcome, callback) = await SignInAsync(person.Email, person.FullName);
        outcome.ShouldHaveSignedIn();
        return callback;
    }

    /// <summary>The query parameters of an address the provider was sent to.</summary>
    public static IReadOnlyDictionary<string, string> ParametersOf(Uri uri) => Parse(uri.Query);

    /// <summary>The person signs in (or cancels) on the provider's page; returns where the provider sends the browser back to.</summary>
    public async Task<Uri> AtProviderAsync(Uri authorize, string email, string name, bool cancel = false)
    {
        using (var page = await _http.GetAsync(authorize))
        {
            var html = await page.Content.ReadAsStringAsync();
            if (page.StatusCode != HttpStatusCode.OK || !html.Contains("idp-email"))
                throw new InvalidOperationException($"The provider did not show its sign-in page ({(int)page.StatusCode}): {Clip(html)}");
        }
        var fields = Parse(authorize.Query);
        fields["email"] = email;
        fields["name"] = name;
        fields["action"] = cancel ? "cancel" : "signin";
        using var response = await _http.PostAsync(new Uri(authorize.GetLeftPart(UriPartial.Path)), new FormUrlEncodedContent(fields));
        return RedirectOf(response, "the provider, after sign-in");
    }

    /// <summary>Asks the provider for its sign-in page as given; the raw answer (a refusal is not followed anywhere).</summary>
    public async Task<ProviderAnswer> AskProviderAsync(Uri authorize)
    {
        using var response = await _http.GetAsync(authorize);
        return new ProviderAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location);
    }

    /// <summary>Delivers the provider's answer to the auth service's callback; returns where the person ends up.</summary>
    public async Task<SignInOutcome> ReturnAsync(Uri callback)
    {
        using var response = await _http.GetAsync(callback);
        var location = RedirectOf(response, "the auth service's sign-in callback");
        var fragment = Parse(location.Fragment.TrimStart('#'));
        var query = Parse(location.Query);
        return new SignInOutcome(location, fragment.GetValueOrDefault("access_token"), fragment.GetValueOrDefault("refresh_token"),
            query.GetValueOrDefault("error"));
    }

    /// <summary>The whole way, as a person who signs in at the provider; also returns the provider's answer.</summary>
    public async Task<(SignInOutcome Outcome, Uri Callback)> SignInAsync(string email, string name)
    {
        var callback = await AtProviderAsync(await StartAsync(), email, name);
        return (await ReturnAsync(callback), callback);
    }

    /// <summary>The same address with one query parameter replaced.</summary>
    public static Uri WithParameter(Uri uri, string name, string value)
    {
        var query = Parse(uri.Query);
        query[name] = value;
        return new Uri(uri.GetLeftPart(UriPartial.Path) + "?" + string.Join("&", query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")));
    }

    private static Dictionary<string, string> Parse(string query)
    {
        var parsed = HttpUtility.ParseQueryString(query.TrimStart('?'));
        return parsed.AllKeys.OfType<string>().ToDictionary(k => k, k => parsed[k] ?? "");
    }

    private static Uri RedirectOf(HttpResponseMessage response, string who)
    {
        if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is null)
            throw new InvalidOperationException($"Expected {who} to send the browser on, but it answered {(int)response.StatusCode}: " +
                                                Clip(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()));
        var location = response.Headers.Location;
        return location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
    }

    private static string Clip(string text) => Whitespace().Replace(text, " ") is var t && t.Length > 300 ? t[..300] + "…" : Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public void Dispose() => _http.Dispose();
}
