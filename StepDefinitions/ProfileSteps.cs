namespace Netra.Acceptance.StepDefinitions;

/// <summary>What the backend knows about a user, compared with the auth service: the same account, email and name.</summary>
[Binding]
public sealed class ProfileSteps(People people, AuthApi auth, BackendApi backend)
{
    [Then("the platform knows {word} by the same account and email as the sign-in service")]
    public Task PlatformKnowsTheSameIdentity(string alias) => PlatformKnowsTheSameIdentity(alias, ContractWindows.NewUserVisible);

    [Then("soon after, the platform knows {word} by the same account and email as the sign-in service")]
    public Task PlatformSoonKnowsTheSameIdentity(string alias) => PlatformKnowsTheSameIdentity(alias, ContractWindows.Redelivery);

    [When("{word} changes her/his/their name to {string} in her/his/their account")]
    public async Task ChangesNameInTheAccount(string alias, string name) =>
        (await auth.ChangeNameAsync(people[alias], name)).Name.Should().Be(name, "the sign-in service answers with her account as it now is");

    [When("{word} changes her/his/their name to {string} on the platform")]
    public async Task ChangesNameOnThePlatform(string alias, string name) =>
        (await backend.ChangeNameAsync(people[alias], name)).Name.Should().Be(name, "the platform answers with her profile as it now is");

    [When("{word} tries to change her/his/their name to {string} on the platform")]
    public Task TriesToChangeNameOnThePlatform(string alias, string name) => backend.TryToChangeNameAsync(people[alias], name);

    [When(@"^(\w+) tries to change (?:her|his|their) name to (a blank name|a name of \d+ letters) (in (?:her|his|their) account|on the platform)$")]
    public Task TriesToChangeToABadName(string alias, string badName, string where)
    {
        var name = badName == "a blank name" ? "   " : new string('n', int.Parse(badName.Split(' ')[3], System.Globalization.CultureInfo.InvariantCulture));
        return where == "on the platform" ? backend.TryToChangeNameAsync(people[alias], name) : auth.TryToChangeNameAsync(people[alias], name);
    }

    [Then(@"^(\w+) is told (?:her|his|their) name was not changed because it is (empty|too long)$")]
    public void ToldTheNameIsRefused(string alias, string reason) =>
        people[alias].LastTry.Answer.ShouldBeRefused(Refusal.Invalid, "a name that cannot be a name is the caller's mistake, answered as such")
            .Detail.Should().MatchRegex(reason == "empty" ? "(?i)empty|blank|required" : "(?i)at most|too long|characters",
                "the refusal says in words what is wrong with the name");

    [Then("the platform knows {word} by her/his/their new name")]
    public Task PlatformKnowsTheNewName(string alias) => PlatformKnowsTheName(alias, ContractWindows.NameChangeVisible);

    [Then("soon after, the platform knows {word} by her/his/their new name")]
    public Task PlatformSoonKnowsTheNewName(string alias) => PlatformKnowsTheName(alias, ContractWindows.Redelivery);

    [Then("the sign-in service knows {word} by that name too")]
    public async Task SignInServiceKnowsTheName(string alias) =>
        (await auth.AccountOfAsync(people[alias])).Name.Should().Be(people[alias].Name,
            "the sign-in service owns accounts, so a name changed on the platform is changed there");

    [Then("{word} is told her/his/their name was not changed and to try again shortly")]
    public void ToldToTryAgainShortly(string alias) =>
        people[alias].LastTry.Answer.ShouldBeRefused(Refusal.Unavailable, "the platform cannot change a name without the sign-in service")
            .Detail.Should().MatchRegex("(?i)not changed").And.MatchRegex("(?i)try again", "the refusal says what happened and what to do");

    [Then("both services still know {word} by her/his/their old name")]
    public async Task BothKnowTheOldName(string alias)
    {
        (await auth.AccountOfAsync(people[alias])).Name.Should().Be(people[alias].Name, "a refused change is made nowhere");
        (await backend.ProfileOfAsync(people[alias])).Name.Should().Be(people[alias].Name, "a refused change is made nowhere, so the platform does not drift");
    }

    private async Task PlatformKnowsTheSameIdentity(string alias, TimeSpan within)
    {
        var (person, account) = (people[alias], await auth.AccountOfAsync(people[alias]));
        account.AuthProvider.Should().NotBeNullOrEmpty("the sign-in service says how she signs in");
        account.PlanTier.Should().Be("free", "a new account is on the free plan");
        account.Permissions.Should().NotBeNull("the sign-in service lists her permissions");
        account.CreatedAt.Should().NotBeNullOrEmpty("and when her account was created");
        var profile = await backend.ProfileWhenKnownAsync(person, within);
        profile.UserId.Should().Be(account.UserId).And.Be(person.UserId);
        profile.Email.Should().Be(account.Email).And.Be(person.Email);
        profile.Name.Should().Be(account.Name).And.Be(person.Name, "both services know her by the name she gave");
    }

    private async Task PlatformKnowsTheName(string alias, TimeSpan within) =>
        (await backend.ProfileOnceAsync(people[alias], p => p.Name == people[alias].Name, within)).Name
            .Should().Be(people[alias].Name, $"the name she gave in her account must reach the platform within {within.TotalSeconds:0.#}s");
}
