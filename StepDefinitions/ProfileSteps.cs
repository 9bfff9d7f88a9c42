namespace Netra.Acceptance.StepDefinitions;

/// <summary>What the backend knows about a user, compared with the auth service.</summary>
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

    private async Task PlatformKnowsTheSameIdentity(string alias, TimeSpan within)
    {
        var person = people[alias];
        var me = await auth.MeAsync(person.AccessToken);
        me.IsSuccess.Should().BeTrue($"the auth service must recognise its own token, but answered {me.Status}: {me.Detail}");

        var profile = await backend.ProfileWhenKnownAsync(person.AccessToken, within);
        profile.IsSuccess.Should().BeTrue($"the backend must know {alias} within {within.TotalSeconds:0}s, but answered {profile.Status}: {profile.Detail}");

        profile["user_id"].Should().Be(me["user_id"]).And.Be(person.UserId);
        profile["email"].Should().Be(me["email"]).And.Be(person.Email);
    }
}
