namespace Netra.Acceptance.StepDefinitions;

/// <summary>Conversations as the platform keeps them: who can read them, and that they last.</summary>
[Binding]
public sealed class ConversationSteps(People people, ChatConnections chats, ConversationsApi conversations, BackendApi backend, StrangersLooks looks)
{
    [Then("{word}'s conversation still holds her/his/their question and the agent's answer")]
    public async Task ConversationStillHoldsTheExchange(string alias)
    {
        var exchange = people[alias].Exchange;
        var kept = await conversations.KeptInAsync(people[alias], exchange.ThreadId!);
        kept.Should().Contain(KeptMessage.Question(exchange.Question), "her question is kept");
        kept.Should().Contain(KeptMessage.Answer(exchange.Answer), "the agent's answer is kept");
    }

    [Then("{word}'s conversation keeps her/his/their question but holds no answer to it")]
    public async Task KeepsTheQuestionWithoutAnAnswer(string alias)
    {
        var threadId = (await chats.Of(people[alias]).WaitForRunStartAsync()).ThreadId!;
        (await conversations.KeptInAsync(people[alias], threadId)).Should().Equal([KeptMessage.Question(people[alias].Question)],
            "the question was asked, but an answer that could not be saved must not appear, half or whole");
    }

    [Then("nothing of {word}'s refused question was kept")]
    public async Task NothingOfTheRefusedQuestionWasKept(string alias)
    {
        await NothingOfTheQuestionWasKept(alias, people[alias].Question);
        (await conversations.ConversationsOfAsync(people[alias])).Where(c => c.MessageCount == 0).Should().BeEmpty(
            "a refused question must not leave an empty conversation behind");
    }

    [Then("nothing of {word}'s question {string} was kept")]
    public async Task NothingOfTheQuestionWasKept(string alias, string question)
    {
        foreach (var conversation in await conversations.ConversationsOfAsync(people[alias]))
            (await conversations.KeptInAsync(people[alias], conversation.Id)).Select(m => m.Content).Should().NotContain(question,
                "a question the platform refused must leave no trace");
    }

    [When("{word} asks the agent {string} and then {string} in the same conversation")]
    public async Task AsksTwiceInOneConversation(string alias, string first, string second)
    {
        await chats.OpenAsync(people[alias]);
        var opening = (await chats.AskAndAwaitAsync(people[alias], first)).ShouldBeAnswered($"the agent answers {alias}'s first question");
        var followUp = (await chats.AskAndAwaitAsync(people[alias], second, opening.ThreadId)).ShouldBeAnswered("the agent answers her follow-up");
        followUp.ThreadId.Should().Be(opening.ThreadId, "a follow-up asked in a conversation stays in it");
    }

    [Then("{word}'s conversation shows both questions and the agent's answers, in the order they were given")]
    public async Task ConversationShowsBoth(string alias)
    {
        var asked = people[alias].Exchanges.Where(e => e.ThreadId == people[alias].Exchange.ThreadId).ToList();
        (await conversations.KeptInAsync(people[alias], asked[0].ThreadId!)).Should().Equal(
            asked.SelectMany(e => new[] { KeptMessage.Question(e.Question), KeptMessage.Answer(e.Answer) }),
            "the conversation holds each question and then its answer, in the order they were given");
    }

    [When("{word} tries to open {word}'s conversation")]
    public async Task TriesToOpenSomeoneElsesConversation(string stranger, string owner)
    {
        var token = people[stranger].AccessToken;
        await looks.LookAsync("reading its messages", people[owner].Exchange.ThreadId!, async id => Look.Told(await conversations.MessagesAsync(token, id), id));
        await looks.LookAsync("opening it", people[owner].Exchange.ThreadId!, async id => Look.Told(await conversations.ThreadAsync(token, id), id));
    }

    [When("{word} tries to ask into {word}'s conversation, on the platform's pages and on his/her/their live connection, and to delete it")]
    public async Task TriesToChangeSomeoneElsesConversation(string stranger, string owner)
    {
        var (token, theirs) = (people[stranger].AccessToken, people[owner].Exchange.ThreadId!);
        const string question = "Let me into this conversation";
        await looks.LookAsync("asking into it", theirs, async id => Look.Told(await backend.SendChatMessageAsync(token, question, id), id));
        var connection = await chats.OpenAsync(people[stranger]);
        await looks.LookAsync("asking into it on the live connection", theirs, async id => Look.Told(await connection.AskIntoAsync(question, id), id));
        await looks.LookAsync("deleting it", theirs, async id => Look.Told(await conversations.DeleteAsync(token, id), id));
    }

    [Then("{word} is told the conversation does not exist, exactly as for one that never existed")]
    [Then("each time {word} is told the conversation does not exist, exactly as for one that never existed")]
    public void ToldItDoesNotExist(string stranger)
    {
        looks.Made.Should().NotBeEmpty();
        foreach (var look in looks.Made)
        {
            look.SaysNotFound.Should().BeTrue($"{look.Way}: someone else's conversation must answer as a missing one, but {stranger} was told \"{look.Strangers}\"");
            look.Strangers.Should().Be(look.Missing, $"{look.Way}: the answer must not reveal that the conversation exists");
        }
    }

    [Then("{word}'s conversation holds only her/his/their question and the agent's answer")]
    public async Task HoldsOnlyTheExchange(string alias)
    {
        var exchange = people[alias].Exchange;
        (await conversations.KeptInAsync(people[alias], exchange.ThreadId!)).Should().Equal(
            [KeptMessage.Question(exchange.Question), KeptMessage.Answer(exchange.Answer)], "no one else may add to or delete her conversation");
    }

    [Then("{word}'s conversation is not listed among {word}'s")]
    public async Task NotListedAmongTheirs(string owner, string stranger) =>
        (await conversations.ConversationsOfAsync(people[stranger])).Select(c => c.Id)
            .Should().NotContain(people[owner].Exchange.ThreadId!, "a stranger's list holds only his own conversations");
}
