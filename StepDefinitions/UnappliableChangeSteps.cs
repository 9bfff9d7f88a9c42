namespace Netra.Acceptance.StepDefinitions;

/// <summary>A user event the platform cannot apply: made so, then seen set aside by the sign-in service, with its reason.</summary>
[Binding]
public sealed class UnappliableChangeSteps(People people, PlatformDatabaseFaults database, UserEventRecords events, ServiceHealth health)
{
    [Given("the platform's database cannot store the name {string} for {word}")]
    public Task DatabaseCannotStoreTheName(string name, string alias) => database.RefuseNameAsync(people[alias].UserId!, name);

    [Then("the sign-in service sets {word}'s name change aside, saying why, where its operators see it")]
    public async Task NameChangeSetAside(string alias)
    {
        await events.NameChangeShouldBeSetAsideAsync(people[alias]);
        (await health.AuthReadinessAsync()).As<Readiness>().SetAsideEvents.Should().BePositive("its readiness counts what was set aside");
    }
}
