namespace Netra.Acceptance.StepDefinitions;

/// <summary>Asking the agent over a live chat connection and following its run.</summary>
[Binding]
public sealed class ChatSteps(People people, ChatConnections chats, EnvironmentContext environment)
{
    [When("{word} asks the agent {string}")]
    public async Task AsksTheAgent(string alias, string question)
    {
        // She asks again on the connection she has, or opens one.
        var connection = await chats.OpenedAsync(people[alias]);
        connection.GreetedAs.Should().Be(people[alias].UserId, "the connection must belong to the account whose token opened it");
        await chats.AskAsync(people[alias], question);
    }

    [When("{word}'s live connection sends a message that is too large, one that cannot be read, and one of a kind it does not know")]
    public async Task SendsUntakeableMessages(string alias) =>
        people[alias].UntakenMessages.AddRange(await chats.Of(people[alias]).SendUntakeableMessagesAsync());

    [Then("each of them is answered with its reason, and {word}'s live connection stays open")]
    public void EachAnsweredWithItsReason(string alias)
    {
        people[alias].UntakenMessages.Should().HaveCount(ChatConnection.UntakeableMessages.Count);
        foreach (var (code, answer) in people[alias].UntakenMessages)
        {
            answer.ErrorCode.Should().Be(code, $"the message is answered with the reason it was not taken ({answer.Raw})");
            answer.ErrorMessage.Should().NotBeNullOrWhiteSpace("the error says in words what was wrong");
        }
        chats.Of(people[alias]).CloseStatus.Should().BeNull("a message the server cannot take does not end the connection");
    }

    [Then("{word}'s live connection answers when it is checked")]
    public Task ConnectionAnswers(string alias) => chats.Of(people[alias]).CheckAsync();

    [Then("{word}'s next question is answered")]
    public Task NextQuestionIsAnswered(string alias) =>
        AsksAndIsAnswered(alias, $"Is everything still working? ({Guid.NewGuid():N})");

    [Given("{word} has asked the agent {string} and got her/his/their answer")]
    public async Task AsksAndIsAnswered(string alias, string question)
    {
        await chats.OpenAsync(people[alias]);
        (await chats.AskAndAwaitAsync(people[alias], question)).ShouldBeAnswered($"the agent answers {alias}").Answer.Should().NotBeNullOrWhiteSpace();
    }

    [Then("{word} sees the agent start, think, use a tool and complete, in that order")]
    public async Task SeesTheRunInOrder(string alias)
    {
        var run = await chats.Of(people[alias]).AwaitRunAsync();
        run.Steps.Should().NotContain(RunStep.Failed, $"the agent should have answered: {run.End.Raw}");
        run.Steps.Should().StartWith([RunStep.Started, RunStep.Thinking]).And.EndWith(RunStep.Completed);
        var tools = run.Steps.Skip(2).SkipLast(1).ToList();
        tools.Should().NotBeEmpty("the agent uses at least one tool for this question");
        tools.Chunk(2).Should().AllSatisfy(pair => pair.Should().Equal(RunStep.ToolStarted, RunStep.ToolFinished),
            "each tool the agent uses is reported as it starts and as it finishes");
    }

    [Then("{word} receives the agent's answer to her/his/their question")]
    public async Task ReceivesTheAnswer(string alias)
    {
        var run = await chats.Of(people[alias]).AwaitRunAsync();
        run.Completed.Should().BeTrue($"the agent should have answered: {run.End.Raw}");
        run.End.RunId.Should().Be(run.Start.RunId, "the answer must belong to the run that was started");
        run.Answer.Should().NotBeNullOrWhiteSpace("the agent's answer comes from the language model");
        run.Usage?.CompletionTokens.Should().BePositive("the model's token usage is passed on for billing");
        if (environment.Environment.IsLocal)
            run.Answer.Should().Contain(people[alias].Question, "the local language model quotes the question it answers, so this proves the question reached it");
    }
}
