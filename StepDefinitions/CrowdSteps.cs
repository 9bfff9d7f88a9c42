namespace Netra.Acceptance.StepDefinitions;

/// <summary>Many people at once: a crowd of fresh users chatting concurrently over live connections.</summary>
[Binding]
public sealed class CrowdSteps(People people, AccountSteps accounts, ChatConnections chats, BillingApi billing)
{
    private readonly List<Person> _crowd = [];
    private readonly Dictionary<string, Exchange> _exchanges = [];

    [Given("{int} people have signed up")]
    public async Task PeopleHaveSignedUp(int count)
    {
        _crowd.AddRange(Enumerable.Range(1, count).Select(i => people.Named($"person{i}")));
        await Task.WhenAll(_crowd.Select(p => accounts.SignsUp(p.Alias)));
    }

    [When("they all ask the agent a question of their own at the same time")]
    public async Task TheyAllAskAtOnce()
    {
        await Task.WhenAll(_crowd.Select(chats.OpenAsync));
        // Every question is unique to its asker, so any answer can be traced to one person.
        var exchanges = await Task.WhenAll(_crowd.Select(p =>
            chats.AskAndAwaitAsync(p, $"What does project {p.Alias}-{Guid.NewGuid():N} cost?")));
        foreach (var (person, exchange) in _crowd.Zip(exchanges)) _exchanges[person.Alias] = exchange;
    }

    [Then("each of them receives the answer to their own question and nothing meant for anyone else")]
    public void EachHearsOnlyTheirOwn()
    {
        var runIds = _exchanges.Values.Select(e => e.RunId).ToList();
        runIds.Should().OnlyHaveUniqueItems("each question starts its own agent run");

        foreach (var person in _crowd)
        {
            var mine = _exchanges[person.Alias];
            mine.Answered.Should().BeTrue($"{person.Alias}'s question should be answered: {mine.End.Raw}");
            var received = chats.Of(person).Received.Where(e => SocketMessage.RunEventTypes.Contains(e.Type)).ToList();
            received.Should().OnlyContain(e => e["run_id"] == mine.RunId,
                $"{person.Alias} must receive events of her own run only");
            foreach (var other in _exchanges.Values.Where(e => e != mine))
                mine.Answer.Should().NotContain(other.Question, $"{person.Alias}'s answer must not be about someone else's question");
        }
    }

    [Then("each of them is billed for their own answer only")]
    public async Task EachIsBilledForTheirOwnAnswerOnly()
    {
        var usages = await Task.WhenAll(_crowd.Select(async p => (Person: p, Usage: await billing.UsageAsync(p.AccessToken))));
        foreach (var (person, usage) in usages)
        {
            usage.IsSuccess.Should().BeTrue($"{person.Alias}'s usage must be readable: {usage.Status} {usage.Detail}");
            var report = usage.As<UsageReport>();
            report.UserId.Should().Be(person.UserId);
            report.Runs.Should().Be(1, $"{person.Alias} asked one question, and nobody else's answers count against her");
            var answered = _exchanges[person.Alias].End.Payload["usage"];
            report.TotalTokens.Should().Be(
                answered!["prompt_tokens"]!.GetValue<long>() + answered["completion_tokens"]!.GetValue<long>(),
                "she is billed exactly the tokens of her own answer");
        }
    }
}
