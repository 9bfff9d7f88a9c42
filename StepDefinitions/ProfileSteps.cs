using System.Net;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>What the backend knows about a user, compared with the auth service: the same account, email and name.</summary>
[Binding]
public sealed class ProfileSteps(People people, AuthApi auth, BackendApi backend)
{
    /// <summary>The contract: a new user is visible in the backend within one second of signing up.</summary>
    private static readonly TimeSpan ConsistencyWindow = TimeSpan.FromSeconds(1);

    /// <summary>How long a user event may take when the platform was down: the sign-in service retries with backoff.</summary>
    private static readonly TimeSpan RedeliveryWindow = TimeSpan.FromSeconds(15);

    [Then("the platform knows {word} by the same account and email as the sign-in service")]
    public Task PlatformKnowsTheSameIdentity(string alias) => PlatformKnowsTheSameIdentity(alias, ConsistencyWindow);

    [Then("soon after, the platform knows {word} by the same account and email as the sign-in service")]
    public Task PlatformSoonKnowsTheSameIdentity(string alias) => PlatformKnowsTheSameIdentity(alias, RedeliveryWindow);

    [When("{word} changes her/his/their name to {string} in her/his/their account")]
    public async Task ChangesNameInTheAccount(string alias, string name)
    {
        var person = people[alias];
        var answer = await auth.ChangeNameAsync(person.AccessToken, name);
        answer.IsSuccess.Should().BeTrue($"the sign-in service changes {alias}'s name, but answered {answer.Status}: {answer.Detail}");
        answer["name"].Should().Be(name);
        person.Name = name;
    }

    [When("{word} changes her/his/their name to {string} on the platform")]
    public async Task ChangesNameOnThePlatform(string alias, string name)
    {
        var person = people[alias];
        var answer = await backend.ChangeNameAsync(person.AccessToken, name);
        answer.IsSuccess.Should().BeTrue($"the platform changes {alias}'s name, but answered {answer.Status}: {answer.Detail}");
        answer["name"].Should().Be(name, "the platform answers with her profile as it now is");
        person.Name = name;
    }

    [When("{word} tries to change her/his/their name to {string} on the platform")]
    public async Task TriesToChangeNameOnThePlatform(string alias, string name)
    {
        var person = people[alias];
        person.LastRefusal = await backend.ChangeNameAsync(person.AccessToken, name);
    }

    [When(@"^(\w+) tries to change (?:her|his|their) name to (a blank name|a name of \d+ letters) (in (?:her|his|their) account|on the platform)$")]
    public async Task TriesToChangeToABadName(string alias, string badName, string where)
    {
        var name = badName == "a blank name" ? "   " : new string('n', int.Parse(badName.Split(' ')[3], System.Globalization.CultureInfo.InvariantCulture));
        var person = people[alias];
        person.LastRefusal = where == "on the platform"
            ? await backend.ChangeNameAsync(person.AccessToken, name)
            : await auth.ChangeNameAsync(person.AccessToken, name);
    }

    [Then(@"^(\w+) is told (?:her|his|their) name was not changed because it is (empty|too long)$")]
    public void ToldTheNameIsRefused(string alias, string reason)
    {
        var refusal = people[alias].LastRefusal ?? throw new InvalidOperationException($"{alias} has tried nothing yet.");
        refusal.Status.Should().Be(HttpStatusCode.UnprocessableEntity, $"a name that cannot be a name is the caller's mistake, answered as such ({refusal.Detail})");
        refusal.Detail.Should().MatchRegex(reason == "empty" ? "(?i)empty|blank|required" : "(?i)at most|too long|characters",
            "the refusal says in words what is wrong with the name");
    }

    [Then("the platform knows {word} by her/his/their new name")]
    public Task PlatformKnowsTheNewName(string alias) => PlatformKnowsTheName(alias, ConsistencyWindow);

    [Then("soon after, the platform knows {word} by her/his/their new name")]
    public Task PlatformSoonKnowsTheNewName(string alias) => PlatformKnowsTheName(alias, RedeliveryWindow);

    [Then("the sign-in service knows {word} by that name too")]
    public async Task SignInServiceKnowsTheName(string alias)
    {
        var person = people[alias];
        var me = await auth.MeAsync(person.AccessToken);
        me.IsSuccess.Should().BeTrue($"the sign-in service must recognise its own token, but answered {me.Status}: {me.Detail}");
        me["name"].Should().Be(person.Name, "the sign-in service owns accounts, so a name changed on the platform is changed there");
    }

    [Then("{word} is told her/his/their name was not changed and to try again shortly")]
    public void ToldToTryAgainShortly(string alias)
    {
        var refusal = people[alias].LastRefusal ?? throw new InvalidOperationException($"{alias} has tried nothing yet.");
        refusal.Status.Should().Be(HttpStatusCode.ServiceUnavailable, $"the platform cannot change a name without the sign-in service ({refusal.Detail})");
        refusal.Detail.Should().MatchRegex("(?i)not changed").And.MatchRegex("(?i)try again", "the refusal says what happened and what to do");
    }

    [Then("both services still know {word} by her/his/their old name")]
    public async Task BothKnowTheOldName(string alias)
    {
        var person = people[alias];
        var me = await auth.MeAsync(person.AccessToken);
        me["name"].Should().Be(person.Name, "a refused change is made nowhere");
        var profile = await backend.ProfileAsync(person.AccessToken);
        profile["name"].Should().Be(person.Name, "a refused change is made nowhere, so the platform does not drift");
    }

    private async Task PlatformKnowsTheSameIdentity(string alias, TimeSpan within)
    {
        var person = people[alias];
        var me = await auth.MeAsync(person.AccessToken);
        me.IsSuccess.Should().BeTrue($"the auth service must recognise its own token, but answered {me.Status}: {me.Detail}");
        me["auth_provider"].Should().NotBeNullOrEmpty("the sign-in service says how she signs in");
        me["plan_tier"].Should().Be("free", "a new account is on the free plan");
        me.Body!["permissions"].Should().BeOfType<System.Text.Json.Nodes.JsonArray>("the sign-in service lists her permissions");
        me["created_at"].Should().NotBeNullOrEmpty("and when her account was created");

        var profile = await backend.ProfileWhenKnownAsync(person.AccessToken, within);
        profile.IsSuccess.Should().BeTrue($"the backend must know {alias} within {within.TotalSeconds:0}s, but answered {profile.Status}: {profile.Detail}");

        profile["user_id"].Should().Be(me["user_id"]).And.Be(person.UserId);
        profile["email"].Should().Be(me["email"]).And.Be(person.Email);
        profile["name"].Should().Be(me["name"]).And.Be(person.Name, "both services know her by the name she gave");
    }

    private async Task PlatformKnowsTheName(string alias, TimeSpan within)
    {
        var person = people[alias];
        var profile = await Eventually.UntilAsync(() => backend.ProfileAsync(person.AccessToken), p => p["name"] == person.Name, within);
        profile.IsSuccess.Should().BeTrue($"the platform must know {alias}, but answered {profile.Status}: {profile.Detail}");
        profile["name"].Should().Be(person.Name, $"the name she gave in her account must reach the platform within {within.TotalSeconds:0.#}s");
    }
}
