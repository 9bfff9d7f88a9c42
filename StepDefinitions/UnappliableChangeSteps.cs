namespace Netra.Acceptance.StepDefinitions;

/// <summary>A user event the platform cannot apply: made so, then seen set aside by the sign-in service, with its reason.</summary>
[Binding]
public sealed class UnappliableChangeSteps(People people, PlatformDatabaseFaults database, UserEventRecords events, ServiceHealth health)
{
    /// <summary>Tries with backoff (the suite's stack: 3, over about 3 s) before the sign-in service sets an event aside.</summary>
    private static readonly TimeSpan SetAsideWindow = TimeSpan.FromSeconds(15);

    [Given("the platform's database cannot store the name {string} for {word}")]
    public Task DatabaseCannotStoreTheName(string name, string alias) => database.RefuseNameAsync(people[alias].UserId!, name);

    [Then("the sign-in service sets {word}'s name change aside, saying why, where its operators see it")]
    public async Task NameChangeSetAside(string alias)
    {
        var record = await events.SetAsideAsync(people[alias].UserId!, "user.updated", SetAsideWindow);
        record.Should().NotBeNull($"a name change the platform keeps refusing is set aside within {SetAsideWindow.TotalSeconds:0} s, not retried for ever");
        record!["last_error"]?.GetValue<string>().Should().NotBeNullOrWhiteSpace("it keeps the reason the platform gave");
        var ready = await health.AuthReadinessAsync();
        ready.Body?["user_events"]?["set_aside"]?.GetValue<long>().Should().BeGreaterThan(0, $"its readiness counts what was set aside: {ready.Describe()}");
    }
}
