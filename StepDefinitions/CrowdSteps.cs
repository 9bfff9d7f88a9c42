namespace Netra.Acceptance.StepDefinitions;

/// <summary>Many people at once: a crowd of fresh users chatting concurrently over live connections.</summary>
[Binding]
public sealed class CrowdSteps(People people, AuthApi auth, ChatConnections chats, BillingApi billing)
{
    private const string Crowd = "person";

    [Given("{int} people have signed up")]
    public Task PeopleHaveSignedUp(int count) =>
        Task.WhenAll(Enumerable.Range(1, count).Select(i => auth.SignUpAsync(people.Named($"{Crowd}{i}"))));

    [When("they all ask the agent a question of their own at the same time")]
    public async Task TheyAllAskAtOnce()
    {
        await Task.WhenAll(people.All.Select(chats.OpenAsync));
        // Every question is unique to its asker, so any answer can be traced to one person.
        await Task.WhenAll(people.All.Select(p => chats.AskAndAwaitAsync(p, $"What does project {p.Alias}-{Guid.NewGuid():N} cost?")));
    }

    [Then("each of them receives the answer to their own question and nothing meant for anyone else")]
    public void EachHearsOnlyTheirOwn()
    {
        people.All.Select(p => p.Exchange.RunId).Should().OnlyHaveUniqueItems("each question starts its own agent run");
        foreach (var person in people.All)
        {
            person.Exchange.ShouldBeAnswered($"{person.Alias}'s question is answered");
            AgentRun.From(chats.Of(person).Received).RunIds.Should().Equal([person.Exchange.RunId], $"{person.Alias} must receive events of her own run only");
            foreach (var other in people.All.Where(p => p != person))
                person.Exchange.Answer.Should().NotContain(other.Exchange.Question, $"{person.Alias}'s answer must not be about someone else's question");
        }
    }

    [Then("each of them is billed for their own answer only")]
    public async Task EachIsBilledForTheirOwnAnswerOnly()
    {
        foreach (var (person, usage) in people.All.Zip(await Task.WhenAll(people.All.Select(billing.UsageOfAsync))))
        {
            usage.UserId.Should().Be(person.UserId);
            usage.Runs.Should().Be(1, $"{person.Alias} asked one question, and nobody else's answers count against her");
            var answered = person.Exchange.End.Usage!;
            usage.TotalTokens.Should().Be(answered.PromptTokens + answered.CompletionTokens, "she is billed exactly the tokens of her own answer");
        }
    }
}
