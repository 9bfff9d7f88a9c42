using FluentAssertions;
using GherkinEngine;
using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Drivers;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>What the backend knows about a user, compared with the auth service.</summary>
[Binding]
public sealed class ProfileSteps(People people, AuthApi auth, BackendApi backend)
{
    /// <summary>The contract: a new user is visible in the backend within one second of signing up.</summary>
    private static readonly TimeSpan ConsistencyWindow = TimeSpan.FromSeconds(1);

    [Then("the platform knows {word} by the same account and email as the sign-in service")]
    public async Task PlatformKnowsTheSameIdentity(string alias)
    {
        var person = people[alias];
        var me = await auth.MeAsync(person.AccessToken);
        me.IsSuccess.Should().BeTrue($"the auth service must recognise its own token, but answered {me.Status}: {me.Detail}");

        var profile = await backend.ProfileWhenKnownAsync(person.AccessToken, ConsistencyWindow);
        profile.IsSuccess.Should().BeTrue($"the backend must know {alias} within {ConsistencyWindow.TotalSeconds:0}s of sign-up, but answered {profile.Status}: {profile.Detail}");

        profile["user_id"].Should().Be(me["user_id"]).And.Be(person.UserId);
        profile["email"].Should().Be(me["email"]).And.Be(person.Email);
    }
}
