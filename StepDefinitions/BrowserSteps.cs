using Netra.Acceptance.Support.Browser;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>The same journeys in a real browser, through the website's pages.</summary>
[Binding]
public sealed class BrowserSteps(People people, SignupPage signup, ChatPage chat, EnvironmentContext environment)
{
    [Given("{word} has signed up on the website")]
    [When("{word} signs up on the website")]
    public async Task SignsUpOnTheWebsite(string alias)
    {
        await signup.SignUpAsync(people[alias]);
        await chat.WaitUntilConnectedAsync();
        (await chat.StoredAccessTokenAsync()).Should().NotBeNullOrEmpty("a signed-up visitor holds a session in the browser");
        await chat.StartWatchingConnectionAsync();
    }

    [When("{word} tries to sign up on the website")]
    public Task TriesToSignUpOnTheWebsite(string alias) => signup.SignUpAsync(people[alias]);

    [Then("{word} is told on the website that the service is unavailable and to try again")]
    public async Task ToldTheServiceIsUnavailable(string alias)
    {
        (await signup.ErrorAsync()).Should().ContainEquivalentOf("unavailable").And.ContainEquivalentOf("try again");
    }

    [Then("{word}'s chat shows it is connected again, without reloading the page")]
    public async Task ConnectedAgainWithoutReload(string alias)
    {
        await chat.WaitUntilConnectedAsync();
        var watch = await chat.ConnectionWatchAsync();
        watch.SamePage.Should().BeTrue("the page must reconnect by itself, not be reloaded");
        watch.SawItDrop.Should().BeTrue($"the page must have noticed the connection drop before it came back (it showed: {string.Join(", ", watch.StatesSeen)})");
    }

    [When("{word} asks {string} in the chat")]
    public async Task AsksInTheChat(string alias, string question)
    {
        await chat.AskAsync(question);
        people[alias].LastQuestion = question;
    }

    [When("{word} asks a question that looks like the code of a web page in the chat")]
    public Task AsksWithMarkup(string alias) => AsksInTheChat(alias, HostileText.Question);

    [Then("{word} sees her/his/their question and the agent's answer on screen exactly as they were written")]
    public async Task SeesMarkupAsWritten(string alias)
    {
        var answer = await chat.AnswerAsync();
        answer.Trim().Should().Be(people[alias].Expected.Text, "the agent's answer is shown as the text it is, not as markup");
        (await chat.UserMessagesAsync()).Select(m => m.Trim()).Should().Contain(people[alias].Question, "her question is shown as she wrote it");
    }

    [Then("nothing in them ran on the page")]
    public async Task NothingRan()
    {
        var (elements, ran) = await chat.MarkupEffectsAsync();
        ran.Should().BeNull("markup in a message must never run on the page");
        elements.Should().Be(0, "messages are shown as text: no element may be made from what a customer or the agent wrote");
    }

    [Then("{word}'s next question in the chat is answered on screen")]
    public async Task NextQuestionAnsweredOnScreen(string alias)
    {
        await AsksInTheChat(alias, $"Is my chat back? ({Guid.NewGuid():N})");
        await SeesTheAnswerOnScreen(alias);
    }

    [Then("{word} sees the agent's answer to her/his/their question on screen")]
    public async Task SeesTheAnswerOnScreen(string alias)
    {
        var question = people[alias].Question;
        var answer = await chat.AnswerAsync();
        answer.Should().NotBeNullOrWhiteSpace();
        (await chat.UserMessagesAsync()).Should().Contain(question, "the page shows the question she asked");
        if (environment.Environment.IsLocal)
            answer.Should().Contain(question, "the local language model quotes the question it answers, so this proves it travelled browser → backend → model → browser");
        people[alias].OnScreen.Add((question, answer));
    }

    [Given("{word} is chatting on the website")]
    public async Task IsChattingOnTheWebsite(string alias)
    {
        await SignsUpOnTheWebsite(alias);
        await AsksInTheChat(alias, $"Which of our workloads costs the most? ({Guid.NewGuid():N})");
        await SeesTheAnswerOnScreen(alias);
    }

    [Then("{word} is told on the website that the chat service is unavailable")]
    public async Task ToldTheChatIsUnavailable(string alias) =>
        (await chat.NoticeAsync()).Should().ContainEquivalentOf("unavailable", "the page must say plainly that the chat cannot be reached");

    [Then("{word} is told on the website that the agent could not answer and that she/he/they can try again")]
    public async Task ToldTheAgentCouldNotAnswer(string alias) =>
        (await chat.NoticeAsync()).Should().ContainEquivalentOf("could not answer").And.ContainEquivalentOf("again");

    [Then("{word}'s conversation is still on the screen")]
    public async Task ConversationStillOnScreen(string alias)
    {
        people[alias].OnScreen.Should().NotBeEmpty($"{alias} has had a question answered in the website's chat");
        foreach (var (question, answer) in people[alias].OnScreen)
            await chat.ShowsExchangeAsync(question, answer);
    }

    [Then("the notice on {word}'s screen goes away by itself, without reloading the page")]
    public async Task NoticeGoesAwayByItself(string alias)
    {
        await chat.WaitUntilNoticeGoneAsync();
        (await chat.ConnectionWatchAsync()).SamePage.Should().BeTrue("the page must recover by itself, not be reloaded");
    }
}
