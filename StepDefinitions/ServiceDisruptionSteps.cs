namespace Netra.Acceptance.StepDefinitions;

/// <summary>Restarts, crashes and outages of a service (only in @disruptive scenarios, on their own stack).</summary>
[Binding]
public sealed class ServiceDisruptionSteps(ServiceControl services, People people, ChatConnections chats, PlatformDatabaseFaults database)
{
    private const string Service = "(sign-in service|platform's database|platform|website|language model)";

    [When($"^the {Service} restarts$")]
    public Task Restarts(string service) => services.RestartAsync(ServiceControl.ServiceName(service));

    [When($"^the {Service} crashes and is started again$")]
    public async Task CrashesAndIsStartedAgain(string service)
    {
        var name = ServiceControl.ServiceName(service);
        await services.KillAsync(name);
        await services.StartAgainAsync(name);
    }

    [Given($"^the {Service} is down$")]
    [When($"^the {Service} goes down$")]
    public Task IsDown(string service) => services.StopAsync(ServiceControl.ServiceName(service));

    [When($"^the {Service} is started again$")]
    public Task IsStartedAgain(string service) => services.StartAgainAsync(ServiceControl.ServiceName(service));

    [Given("the platform's database will refuse to record what {word}'s answers cost")]
    public Task DatabaseRefusesUsage(string alias) => database.RefuseUsageRecordsOfAsync(people[alias].UserId!);

    [When("the platform's database goes down while the agent is working on {word}'s question")]
    public async Task DatabaseGoesDownDuringTheRun(string alias)
    {
        // Past the tool step the agent is waiting for the language model: the run is under way.
        await chats.Of(people[alias]).WaitForToolStepDoneAsync();
        await services.StopAsync("database");
    }
}
