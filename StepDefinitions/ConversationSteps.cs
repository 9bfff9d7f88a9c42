using System.Net;
using System.Text.Json.Nodes;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>Conversations as the platform keeps them: who can read them, and that they last.</summary>
[Binding]
public sealed class ConversationSteps(People people, ChatConnections chats, ChatExchanges exchanges, ConversationsApi conversations, BackendApi backend)
{
    /// <summary>What a stranger was told for someone else's conversation, and for one that never existed, per way of reaching it.</summary>
    private readonly List<(string Way, string Strangers, string Missing)> _looks = [];

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

    [Then("nothing of {word}'s refused question was kept")]
    public async Task NothingOfTheRefusedQuestionWasKept(string alias)
    {
        await NothingOfTheQuestionWasKept(alias, exchanges.LastQuestion[alias]);
        var threads = await conversations.ThreadsAsync(people[alias].AccessToken);
        threads.Body!.AsArray().Where(t => t?["message_count"]?.GetValue<int>() == 0).Should().BeEmpty(
            "a refused question must not leave an empty conversation behind");
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

    [When("{word} asks the agent {string} and then {string} in the same conversation")]
    public async Task AsksTwiceInOneConversation(string alias, string first, string second)
    {
        var person = people[alias];
        await chats.OpenAsync(person);
        var opening = await chats.AskAndAwaitAsync(person, first);
        opening.Answered.Should().BeTrue($"the agent answers {alias}'s first question, but the run ended with: {opening.End.Raw}");
        var followUp = await chats.AskAndAwaitAsync(person, second, opening.ThreadId);
        followUp.Answered.Should().BeTrue($"the agent answers her follow-up, but the run ended with: {followUp.End.Raw}");
        followUp.ThreadId.Should().Be(opening.ThreadId, "a follow-up asked in a conversation stays in it");
        _conversation.AddRange([opening, followUp]);
    }

    [Then("{word}'s conversation shows both questions and the agent's answers, in the order they were given")]
    public async Task ConversationShowsBoth(string alias)
    {
        var kept = await MessagesOf(people[alias], _conversation[0].ThreadId!);
        kept.Should().Equal(_conversation.SelectMany(e => new (string? Role, string? Content)[] { ("user", e.Question), ("assistant", e.Answer) }).ToList(),
            "the conversation holds each question and then its answer, in the order they were given");
    }

    private readonly List<Exchange> _conversation = [];

    [When("{word} tries to open {word}'s conversation")]
    public async Task TriesToOpenSomeoneElsesConversation(string stranger, string owner)
    {
        var token = people[stranger].AccessToken;
        await LookAsync(owner, "reading its messages", id => conversations.MessagesAsync(token, id));
        await LookAsync(owner, "opening it", id => conversations.ThreadAsync(token, id));
    }

    [When("{word} tries to ask into {word}'s conversation, on the platform's pages and on his/her/their live connection, and to delete it")]
    public async Task TriesToChangeSomeoneElsesConversation(string stranger, string owner)
    {
        var person = people[stranger];
        await LookAsync(owner, "asking into it", id => backend.SendChatMessageAsync(person.AccessToken, "Let me into this conversation", id));
        var connection = await chats.OpenAsync(person);
        async Task<string> AskOverTheConnection(string threadId)
        {
            await connection.SendUserMessageAsync("Let me into this conversation", threadId);
            var answer = await connection.WaitForAsync(e => e.Type is "error" or "agent_started", "a refusal, or the start of a run");
            return $"{answer.Type} {answer["code"]} {answer["message"]}".Replace(threadId, "<id>");
        }
        var theirs = chats.LastExchange[owner].ThreadId!;
        _looks.Add(("asking into it on the live connection", await AskOverTheConnection(theirs), await AskOverTheConnection(Guid.NewGuid().ToString())));
        await LookAsync(owner, "deleting it", id => conversations.DeleteAsync(person.AccessToken, id));
    }

    [Then("{word} is told the conversation does not exist, exactly as for one that never existed")]
    [Then("each time {word} is told the conversation does not exist, exactly as for one that never existed")]
    public void ToldItDoesNotExist(string stranger)
    {
        _looks.Should().NotBeEmpty();
        foreach (var (way, strangers, missing) in _looks)
        {
            strangers.Should().MatchRegex("(?i)^(404|error THREAD_NOT_FOUND)", $"{way}: someone else's conversation must answer as a missing one, but {stranger} was told \"{strangers}\"");
            strangers.Should().Be(missing, $"{way}: the answer must not reveal that the conversation exists");
        }
    }

    [Then("{word}'s conversation holds only her/his/their question and the agent's answer")]
    public async Task HoldsOnlyTheExchange(string alias)
    {
        var exchange = chats.LastExchange[alias];
        var kept = await MessagesOf(people[alias], exchange.ThreadId!);
        kept.Should().Equal([("user", exchange.Question), ("assistant", exchange.Answer)],
            "no one else may add to or delete her conversation");
    }

    /// <summary>Reaches the owner's conversation one way, and a conversation that never existed the same way.</summary>
    private async Task LookAsync(string owner, string way, Func<string, Task<ApiResponse>> reach)
    {
        var threadId = chats.LastExchange[owner].ThreadId!;
        var missingId = Guid.NewGuid().ToString();
        _looks.Add((way, Told(await reach(threadId), threadId), Told(await reach(missingId), missingId)));
    }

    /// <summary>The status and detail of an answer, with the asked-for conversation id blanked out, to compare two refusals.</summary>
    private static string Told(ApiResponse answer, string threadId) => $"{(int)answer.Status} {answer.Detail}".Replace(threadId, "<id>");

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
}
