namespace Netra.Acceptance.StepDefinitions;

/// <summary>What the platform holds for a person (her copy of the account, her conversations), seen as an operator would.</summary>
[Binding]
public sealed class PlatformRecordSteps(People people, ChatConnections chats, PlatformRecords records)
{
    [Given("{word} has had two conversations with the agent")]
    public async Task HasHadTwoConversations(string alias)
    {
        var person = people[alias];
        await chats.OpenedAsync(person);
        foreach (var question in new[] { "Where does my cloud budget go?", "How do I lower my latency?" })
            (await chats.AskAndAwaitAsync(person, question)).ShouldBeAnswered();
        // What there is to remove: her profile, both conversations, each with her question and the agent's answer.
        await records.WhenItHoldsAsync(person, threads: 2, messages: 4);
    }

    [Then("soon after, the platform holds nothing of {word}'s: no profile, no conversations, no messages")]
    public async Task PlatformHoldsNothing(string alias) => await records.ShouldSoonHoldNothingOfAsync(people[alias]);
}
