using System.Net;
using System.Text.Json.Nodes;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>Conversations as the platform keeps them: who can read them, and that they last.</summary>
[Binding]
public sealed class ConversationSteps(People people, ChatSessions chats, ConversationsApi conversations)
{
    private (ApiResponse Answer, string ThreadId)? _strangersLook;
    private (ApiResponse Answer, string ThreadId)? _missingLook;

    [Then("{word}'s conversation still holds her/his/their question and the agent's answer")]
    public async Task ConversationStillHoldsTheExchange(string alias)
    {
        var person = people[alias];
        var exchange = chats.LastExchange[alias];
        var kept = await MessagesOf(person, exchange.ThreadId!);
        kept.Should().Contain(("user", exchange.Question), "her question is kept");
        kept.Should().Contain(("assistant", exchange.Answer), "the agent's answer is kept");
    }

    [Then("{word}'s conversation keeps her/his/their question but holds no answer to it")]
    public async Task KeepsTheQuestionWithoutAnAnswer(string alias)
    {
        var person = people[alias];
        var threadId = (await chats.Of(person).WaitForAsync("agent_started"))["thread_id"]!;
        var kept = await MessagesOf(person, threadId);
        kept.Should().Equal([("user", chats.LastQuestion[alias])],
            "the question was asked, but an answer that could not be saved must not appear, half or whole");
    }

    [Then("nothing of {word}'s question {string} was kept")]
    public async Task NothingOfTheQuestionWasKept(string alias, string question)
    {
        var person = people[alias];
        var threads = await conversations.ThreadsAsync(person.AccessToken);
        threads.IsSuccess.Should().BeTrue($"her conversations are listed, but the platform answered {threads.Status}: {threads.Detail}");
        foreach (var threadId in threads.Body!.AsArray().Select(t => t!["id"]!.ToString()))
            (await MessagesOf(person, threadId)).Select(m => m.Content).Should().NotContain(question,
                "a question the platform refused must leave no trace");
    }

    [When("{word} tries to open {word}'s conversation")]
    public async Task TriesToOpenSomeoneElsesConversation(string stranger, string owner)
    {
        var threadId = chats.LastExchange[owner].ThreadId!;
        var token = people[stranger].AccessToken;
        var missingId = Guid.NewGuid().ToString();
        _strangersLook = (await conversations.MessagesAsync(token, threadId), threadId);
        _missingLook = (await conversations.MessagesAsync(token, missingId), missingId);
    }

    [Then("{word} is told the conversation does not exist, exactly as for one that never existed")]
    public void ToldItDoesNotExist(string stranger)
    {
        var (strangers, missing) = (_strangersLook!.Value, _missingLook!.Value);
        strangers.Answer.Status.Should().Be(HttpStatusCode.NotFound, "another user's conversation must not be readable");
        strangers.Answer.Status.Should().Be(missing.Answer.Status);
        Anonymised(strangers).Should().Be(Anonymised(missing), "the answer must not reveal that the conversation exists");
    }

    [Then("{word}'s conversation is not listed among {word}'s")]
    public async Task NotListedAmongTheirs(string owner, string stranger)
    {
        var listed = await conversations.ThreadsAsync(people[stranger].AccessToken);
        listed.IsSuccess.Should().BeTrue();
        (listed.Body?.ToJsonString() ?? "").Should().NotContain(chats.LastExchange[owner].ThreadId!);
    }

    private async Task<List<(string? Role, string? Content)>> MessagesOf(Person person, string threadId)
    {
        var messages = await conversations.MessagesAsync(person.AccessToken, threadId);
        messages.IsSuccess.Should().BeTrue($"the conversation opens, but the platform answered {messages.Status}: {messages.Detail}");
        return (messages.Body?["messages"] as JsonArray ?? []).Select(m => (m?["role"]?.ToString(), m?["content"]?.ToString())).ToList();
    }

    /// <summary>The answer's detail with the asked-for conversation id blanked out, to compare two refusals.</summary>
    private static string Anonymised((ApiResponse Answer, string ThreadId) look) =>
        (look.Answer.Detail ?? "").Replace(look.ThreadId, "<id>");
}
