using System.Net;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>What the platform holds for a person (her copy of the account, her conversations), seen as an operator would.</summary>
[Binding]
public sealed class PlatformRecordSteps(People people, ChatConnections chats, PlatformRecords records)
{
    /// <summary>How long a deletion may take to reach the platform: the sign-in service delivers it at once, or retries.</summary>
    private static readonly TimeSpan RedeliveryWindow = TimeSpan.FromSeconds(15);

    [Given("{word} has had two conversations with the agent")]
    public async Task HasHadTwoConversations(string alias)
    {
        var person = people[alias];
        if (!chats.Has(person)) await chats.OpenAsync(person);
        foreach (var question in new[] { "Where does my cloud budget go?", "How do I lower my latency?" })
        {
            var exchange = await chats.AskAndAwaitAsync(person, question);
            exchange.Answered.Should().BeTrue($"the agent should answer {alias}, but the run ended with: {exchange.End.Raw}");
        }

        // What there is to remove: her profile, both conversations, each with her question and the agent's answer.
        var held = await Eventually.UntilAsync(() => records.HeldForAsync(person.UserId!),
            r => r.IsSuccess && Count(r, "threads") >= 2 && Count(r, "messages") >= 4, RedeliveryWindow);
        held.IsSuccess.Should().BeTrue($"the platform must hold {alias}'s data, but answered {held.Status}: {held.Detail}");
        held["email"].Should().Be(person.Email, "the platform holds her profile");
        Count(held, "threads").Should().BeGreaterThanOrEqualTo(2, "the platform keeps both of her conversations");
        Count(held, "messages").Should().BeGreaterThanOrEqualTo(4, "the platform keeps her questions and the agent's answers");
    }

    [Then("soon after, the platform holds nothing of {word}'s: no profile, no conversations, no messages")]
    public async Task PlatformHoldsNothing(string alias)
    {
        var userId = people[alias].UserId!;
        var held = await Eventually.UntilAsync(() => records.HeldForAsync(userId), r => r.Status == HttpStatusCode.NotFound, RedeliveryWindow);
        held.Status.Should().Be(HttpStatusCode.NotFound,
            $"a closed account leaves nothing of hers on the platform within {RedeliveryWindow.TotalSeconds:0}s, but it still holds: {held.Body?.ToJsonString()}");
    }

    private static long Count(ApiResponse held, string what) => long.TryParse(held[what], out var n) ? n : 0;
}
