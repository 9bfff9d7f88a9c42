using System.Net;
using System.Net.WebSockets;
using Netra.Acceptance.Support.Evidence;
using Netra.Acceptance.Support.Security;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>One sign-in honoured by every service, and every other token refused (REST and live connection).</summary>
[Binding]
public sealed class SessionSecuritySteps(
    People people, AuthApi auth, SessionApi sessions, BackendApi backend, ChatConnections chats, TokenForge forge,
    SecurityTrial trial, EnvironmentContext environment, ScenarioTranscript transcript)
{
    /// <summary>
    /// How long a revocation may take to reach the platform: it caches the sign-in service's answers briefly and
    /// re-checks open connections periodically (0.5 s each in the local stack; 5 s and 10 s by default). Waits end
    /// as soon as the refusal arrives, so this only bounds a failing run.
    /// </summary>
    private static readonly TimeSpan RevocationReach = TimeSpan.FromSeconds(16);

    private static readonly Dictionary<string, ForgedToken> Tokens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["no token at all"] = ForgedToken.None,
        ["a garbled token"] = ForgedToken.Malformed,
        ["a token signed with another key"] = ForgedToken.WrongKey,
        ["a token whose signature was removed"] = ForgedToken.AlgorithmNone,
        ["her token with its expiry in the past"] = ForgedToken.Expired,
        ["her token addressed to another platform"] = ForgedToken.OtherAudience,
        ["her token addressed to a look-alike platform"] = ForgedToken.LookAlikeAudience,
        ["her token claiming another issuer"] = ForgedToken.OtherIssuer,
        ["her token claiming a look-alike issuer"] = ForgedToken.LookAlikeIssuer,
        ["her token claiming her issuer in capitals"] = ForgedToken.IssuerInCapitals,
        ["her token signed by another algorithm"] = ForgedToken.OtherAlgorithm,
        ["her token with a critical extension the platform does not know"] = ForgedToken.CriticalExtension,
    };

    /// <summary>What the platform's refusal must say, per reason (the contract: a clear reason).</summary>
    private static readonly Dictionary<string, string> Reasons = new(StringComparer.OrdinalIgnoreCase)
    {
        ["missing"] = "(?i)no access token|authentication required",
        ["malformed"] = "(?i)malformed",
        ["wrongly signed"] = "(?i)signature",
        ["unsigned"] = "(?i)algorithm 'none'",
        ["not an access token"] = "(?i)refresh token.*access token is required",
        ["expired"] = "(?i)expired",
        ["for another platform"] = "(?i)audience",
        ["from another issuer"] = "(?i)issuer",
        ["by another algorithm"] = "(?i)algorithm|HS256",
        ["of an unknown critical kind"] = "(?i)critical",
        ["revoked"] = "(?i)revoked",
    };

    [Given("{word} is signed in")]
    public async Task IsSignedIn(string alias)
    {
        var answer = await auth.SignUpAsync(people[alias]);
        answer.IsSuccess.Should().BeTrue($"{alias} signs up with a fresh email and a strong password, but the auth service answered {answer.Status}: {answer.Detail}");
    }

    [Then("the platform accepts {word}'s token on its pages as her/his/their account")]
    public async Task PlatformAcceptsTheToken(string alias)
    {
        var person = people[alias];
        var profile = await backend.ProfileWhenKnownAsync(person.AccessToken, TimeSpan.FromSeconds(1));
        profile.IsSuccess.Should().BeTrue($"the platform must accept the sign-in service's token, but answered {profile.Status}: {profile.Detail}");
        profile["user_id"].Should().Be(person.UserId);
        profile["email"].Should().Be(person.Email);
    }

    [Then("{word}'s token opens her/his/their live connection as her/his/their account")]
    [Then("{word}'s renewed token opens her/his/their live connection as her/his/their account")]
    [Given("{word} has her/his/their live connection open")]
    [Then("{word}'s own token still opens her/his/their live connection as her/his/their account")]
    public async Task TokenOpensTheLiveConnection(string alias)
    {
        var person = people[alias];
        var connection = await chats.OpenAsync(person);
        var established = await connection.WaitForAsync("connection_established");
        established["user_id"].Should().Be(person.UserId, "the connection must belong to the account whose token opened it");
    }

    [Then("{word}'s token names her/his/their account, her/his/their email and her/his/their plan, is meant for the platform, and lasts {int} minutes")]
    public void TokenSaysWhoseItIs(string alias, int minutes)
    {
        var person = people[alias];
        var claims = TokenForge.Claims(person.AccessToken);
        string? Claim(string name) => claims[name]?.ToString();
        Claim("sub").Should().Be(person.UserId, "the token names the account it was issued to");
        Claim("email").Should().Be(person.Email);
        Claim("plan_tier").Should().Be("free", "a new account is on the free plan");
        claims["permissions"].Should().BeOfType<System.Text.Json.Nodes.JsonArray>("the token lists its permissions");
        Claim("token_type").Should().Be("access");
        Claim("iss").Should().Be("netra-auth-service");
        Claim("aud").Should().Be("netra-platform");
        Claim("jti").Should().NotBeNullOrEmpty("each token has an id, so it can be revoked on its own");
        var lifetime = long.Parse(Claim("exp")!) - long.Parse(Claim("iat")!);
        lifetime.Should().Be(minutes * 60L, "an access token lives the contract's {0} minutes", minutes);
        person.Session!.ExpiresIn.Should().Be(minutes * 60, "the session says how long its access token lives");
        TokenForge.Claims(person.Session.RefreshToken)["token_type"]?.ToString().Should().Be("refresh");
    }

    [Then("the platform refuses each of these tokens, on its pages and on its live connection:")]
    public async Task PlatformRefusesEach(DataTable tokens)
    {
        var person = people.All.Single(p => p.Session is not null);
        foreach (var which in tokens.Rows.Select(r => r["token"]))
        {
            PresentsAToken(which, person.Alias);
            var profile = await backend.ProfileAsync(trial.PresentedToken);
            profile.Status.Should().Be(HttpStatusCode.Unauthorized,
                $"the platform checks tokens itself, also while the sign-in service is unreachable, but it accepted {which}: {profile.Describe()}");
            await using var connection = await ChatConnection.OpenAsync(environment.Endpoints.ChatSocket, trial.PresentedToken, transcript, $"ws[{which}]");
            await connection.WaitForAsync(e => e.Type == "error" && e["code"] == "AUTH_FAILED", $"an AUTH_FAILED error for {which}");
            (await connection.WaitForCloseAsync()).Should().Be(WebSocketCloseStatus.PolicyViolation);
            connection.Received.Should().NotContain(e => e.Type == "connection_established", $"a live connection must not open with {which}");
        }
    }

    [When("someone presents {} on {word}'s behalf")]
    public void PresentsAToken(string which, string alias)
    {
        var person = people[alias];
        trial.PresentedToken = which == "her renewal token instead of her access token"
            ? person.Session!.RefreshToken
            : forge.Forge(Tokens.TryGetValue(which, out var kind) ? kind : throw new ArgumentException($"No such token in the scenario vocabulary: '{which}'."), person.AccessToken);
    }

    [Then("the platform refuses it because it is {}")]
    public async Task PlatformRefusesIt(string why)
    {
        var profile = await backend.ProfileAsync(trial.PresentedToken);
        profile.Status.Should().Be(HttpStatusCode.Unauthorized, $"a token that is {why} must not be accepted");
        profile.Detail.Should().MatchRegex(Reason(why), "the refusal must say why");
        profile.Headers.Should().ContainKey("WWW-Authenticate");
    }

    [Then("a live connection opened with it is refused for the same reason and closed")]
    public async Task LiveConnectionRefused()
    {
        var why = ReasonOfLastRefusal();
        await using var connection = await ChatConnection.OpenAsync(environment.Endpoints.ChatSocket, trial.PresentedToken, transcript, "ws[presented]");
        var error = await connection.WaitForAsync(e => e.Type == "error" && e["code"] == "AUTH_FAILED", "an AUTH_FAILED error");
        error["message"].Should().MatchRegex(why);
        (await connection.WaitForCloseAsync()).Should().Be(WebSocketCloseStatus.PolicyViolation);
        connection.Received.Should().NotContain(e => e.Type == "connection_established");
    }

    [Then("the sign-in service refuses it too")]
    public async Task SignInServiceRefusesIt()
    {
        var me = await auth.MeAsync(trial.PresentedToken);
        me.Status.Should().Be(HttpStatusCode.Unauthorized, $"the sign-in service checks tokens itself too, but it accepted the token: {me.Describe()}");
        me.IsProblemWithDetail.Should().BeTrue($"its refusal says why: {me.Describe()}");
    }

    [When("{word} logs out")]
    public async Task LogsOut(string alias)
    {
        var person = people[alias];
        // With her access token alone (the contract's refresh_token is optional): the whole session must end, its
        // renewal token included, not only the token shown.
        var answer = await sessions.LogoutAsync(person.AccessToken, refreshToken: null);
        answer.IsSuccess.Should().BeTrue($"logging out must succeed, but the auth service answered {answer.Status}: {answer.Detail}");
    }

    [When("{word} closes her/his/their account")]
    public async Task ClosesTheAccount(string alias)
    {
        var answer = await sessions.DeleteAccountAsync(people[alias].AccessToken);
        answer.Status.Should().Be(HttpStatusCode.NoContent, $"closing the account must succeed: {answer.Detail}");
        people[alias].AccountClosed = true;
    }

    [Then("{word}'s live connection is closed because her/his/their session has ended")]
    public async Task LiveConnectionClosed(string alias)
    {
        var connection = chats.Of(people[alias]);
        var error = await connection.WaitForAsync(e => e.Type == "error" && e["code"] == "AUTH_FAILED", "an AUTH_FAILED error", RevocationReach);
        error["message"].Should().NotBeNullOrWhiteSpace();
        (await connection.WaitForCloseAsync(RevocationReach)).Should().Be(WebSocketCloseStatus.PolicyViolation);
    }

    [Then("the platform refuses {word}'s old token because it is {word}")]
    public async Task PlatformRefusesTheOldToken(string alias, string why)
    {
        var token = people[alias].AccessToken;
        var profile = await WhenRefusedAsync(() => backend.ProfileAsync(token));
        profile.Status.Should().Be(HttpStatusCode.Unauthorized, $"the platform must stop honouring the token within {RevocationReach.TotalSeconds:0}s");
        profile.Detail.Should().MatchRegex(Reason(why));

        await using var connection = await ChatConnection.OpenAsync(environment.Endpoints.ChatSocket, token, transcript, "ws[old token]");
        var error = await connection.WaitForAsync(e => e.Type == "error" && e["code"] == "AUTH_FAILED", "an AUTH_FAILED error");
        error["message"].Should().MatchRegex(Reason(why));
        (await connection.WaitForCloseAsync()).Should().Be(WebSocketCloseStatus.PolicyViolation);
    }

    [Then("the sign-in service refuses to renew {word}'s old session")]
    public async Task CannotRenewTheOldSession(string alias)
    {
        var renewal = await sessions.RefreshAsync(people[alias].Session!.RefreshToken);
        renewal.Status.Should().Be(HttpStatusCode.Unauthorized);
        renewal["access_token"].Should().BeNull();
        renewal.Detail.Should().MatchRegex("(?i)revoked");
    }

    [Then("the sign-in service no longer knows {word}")]
    public async Task SignInServiceForgotThem(string alias)
    {
        var person = people[alias];
        var login = await auth.LoginAsync(person.Email, person.Password);
        login.Status.Should().Be(HttpStatusCode.Unauthorized, "a closed account cannot log in");
        var me = await auth.MeAsync(person.AccessToken);
        me.Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [When("pages on other websites, one of them at an address that looks like Netra's, try to open {word}'s live connection with her/his/their token")]
    public async Task ForeignPagesConnect(string alias)
    {
        var token = people[alias].AccessToken;
        var netra = environment.Endpoints.Frontend;
        // A stranger's site; sites whose address begins with Netra's (a prefix comparison takes them for Netra's):
        // one more digit in the port, or more host after a default port; and one that is not an address at all.
        var lookAlike = netra.IsDefaultPort ? $"{netra.Scheme}://{netra.Host}.evil.example"
            : netra.Port * 10 + 1 <= 65535 ? $"{netra.GetLeftPart(UriPartial.Authority)}1" : null;
        foreach (var origin in new[] { "https://evil.example", lookAlike, netra.GetLeftPart(UriPartial.Authority) + ".evil.example" }.OfType<string>())
        {
            try
            {
                await using var opened = await ChatConnection.OpenAsync(environment.Endpoints.ChatSocket, token, transcript, $"ws[page at {origin}]", origin);
                _foreignPages.Add((origin, null));
            }
            catch (WebSocketException refused)
            {
                _foreignPages.Add((origin, refused.Message));
            }
        }
    }

    [Then("the platform refuses each of those connections")]
    public void ConnectionsRefused()
    {
        _foreignPages.Should().NotBeEmpty();
        foreach (var (origin, refusal) in _foreignPages)
            refusal.Should().Contain("403", $"the platform must refuse a connection from a page at {origin} before it opens, but it opened");
    }

    private readonly List<(string Origin, string? Refusal)> _foreignPages = [];

    [Then("{word}'s token still opens her/his/their live connection from the Netra website")]
    public async Task OpensFromTheWebsite(string alias)
    {
        var person = people[alias];
        var origin = environment.Endpoints.Frontend.GetLeftPart(UriPartial.Authority);
        await using var connection = await ChatConnection.OpenAsync(environment.Endpoints.ChatSocket, person.AccessToken, transcript, "ws[netra website]", origin);
        (await connection.WaitForAsync("connection_established"))["user_id"].Should().Be(person.UserId);
    }

    [When("{word} renews her/his/their session")]
    [When("{word} renews her/his/their session again")]
    public async Task RenewsTheSession(string alias)
    {
        var person = people[alias];
        var renewal = await sessions.RefreshAsync(person.Session!.RefreshToken);
        renewal.IsSuccess.Should().BeTrue($"renewing must work: {renewal.Status} {renewal.Detail}");
        trial.EarlierSession = person.Session;
        person.Session = renewal.As<Session>();
        person.Session.AccessToken.Should().NotBe(trial.EarlierSession.AccessToken);
        person.Session.RefreshToken.Should().NotBe(trial.EarlierSession.RefreshToken, "renewal tokens are rotated");
    }

    [When("someone replays {word}'s used renewal token")]
    public async Task ReplaysTheUsedRenewal(string alias) =>
        trial.Refusal = await sessions.RefreshAsync(trial.EarlierSession!.RefreshToken);

    [Then("the sign-in service refuses it because it was already used")]
    public void RefusedAsReused()
    {
        trial.Refusal!.Status.Should().Be(HttpStatusCode.Unauthorized);
        trial.Refusal["access_token"].Should().BeNull();
        trial.Refusal.Detail.Should().MatchRegex("(?i)already used");
    }

    [Then("{word}'s session has ended everywhere")]
    public async Task SessionEndedEverywhere(string alias)
    {
        var person = people[alias];
        var renewal = await sessions.RefreshAsync(person.Session!.RefreshToken);
        renewal.Status.Should().Be(HttpStatusCode.Unauthorized, "reuse of a renewal token ends the whole session, including its newest renewal token");
        await PlatformRefusesTheOldToken(alias, "revoked");
        await LiveConnectionClosed(alias);
    }

    private string ReasonOfLastRefusal() => _lastReason ?? throw new InvalidOperationException("No refusal was checked yet.");
    private string? _lastReason;

    private string Reason(string why)
    {
        _lastReason = Reasons.TryGetValue(why, out var pattern) ? pattern : throw new ArgumentException($"No such reason in the scenario vocabulary: '{why}'.");
        return _lastReason;
    }

    /// <summary>Asks until the answer is a refusal or the deadline passes; returns the last answer.</summary>
    private static async Task<ApiResponse> WhenRefusedAsync(Func<Task<ApiResponse>> ask)
    {
        var deadline = DateTime.UtcNow + RevocationReach;
        while (true)
        {
            var answer = await ask();
            if (answer.Status == HttpStatusCode.Unauthorized || DateTime.UtcNow >= deadline) return answer;
            await Task.Delay(100);
        }
    }
}
