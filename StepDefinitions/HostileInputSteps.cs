namespace Netra.Acceptance.StepDefinitions;

/// <summary>Whatever anyone sends: the hostile-input sweeps, what the customer had before and after, and the services' health.</summary>
[Binding]
public sealed class HostileInputSteps(People people, AuthApi auth, HostileInput hostile, ServiceHealth health, ChatConnections chats,
    HostileSweeps sweeps, EnvironmentContext environment, IReqnrollOutputHelper output)
{
    [Given("{word} is a customer with a conversation of her/his/their own")]
    public async Task IsACustomerWithAConversation(string alias)
    {
        var person = people[alias];
        await auth.SignUpAsync(person);
        await hostile.StartAConversationAsync(person);
        sweeps.Before = await hostile.WhatSheHasAsync(person);
    }

    [When("anyone sends every kind of hostile request to every part of the platform")]
    public async Task SendsEveryHostileRequest()
    {
        var customer = people.All.Single(p => p.Session is not null);
        var second = await auth.OpenAnotherSessionAsync(customer); // for the sweep's logouts
        Record(await hostile.SendEveryHostileRequestAsync(customer, second.AccessToken));
    }

    [When("every kind of hostile message is sent on {word}'s live connection")]
    public async Task SendsEveryHostileMessage(string alias) =>
        Record(await hostile.SendEveryHostileMessageAsync(chats.Of(people[alias])));

    [When("frames no message could be are sent on live connections of {word}'s own")]
    public async Task SendsEveryBadFrame(string alias) => Record(await hostile.SendEveryBadFrameAsync(people[alias].AccessToken));

    [Then("each one is answered with a reason, and none makes a service fail")]
    [Then("each message is answered with its error, and each such frame is answered by closing only its own connection")]
    public void EachAnsweredWithAReason() => sweeps.ShouldAllBeAnsweredWithAReason();

    [Then("{word}'s account, profile, conversations and usage are as they were")]
    public async Task AsTheyWere(string alias) =>
        (await hostile.WhatSheHasAsync(people[alias])).Should().Be(sweeps.Before, "no hostile request may change anything of hers");

    [Then("{word}'s live connection is still open and answering")]
    public async Task StillOpen(string alias)
    {
        var connection = chats.Of(people[alias]);
        connection.CloseStatus.Should().BeNull("hostile messages never cost her the connection");
        await connection.CheckAsync();
    }

    [Then("every service is still up and ready")]
    public async Task StillUpAndReady()
    {
        foreach (var (service, answer) in await health.HealthOfEachAsync()) answer.ShouldSucceed($"{service} must still be up after the sweep");
        (await health.AuthReadinessAsync()).ShouldSucceed("the sign-in service must still be ready");
        (await health.BackendReadinessAsync()).ShouldSucceed("the platform must still be ready, its database not taken for lost");
    }

    private void Record(HostileSweep sweep)
    {
        sweeps.Made.Add(sweep);
        output.WriteLine(sweep.Summary());
        output.AddAttachment(sweep.WriteSummary(Path.Combine(environment.Environment.Settings.ResultsDirectory, "hostile-input")));
    }
}
