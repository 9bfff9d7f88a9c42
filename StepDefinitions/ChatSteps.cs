namespace Netra.Acceptance.StepDefinitions;

/// <summary>Asking the agent over a live chat connection and following its run.</summary>
[Binding]
public sealed class ChatSteps(People people, ChatConnections chats, EnvironmentContext environment)
{
    [When("{word} asks the agent {string}")]
    public async Task AsksTheAgent(string alias, string question)
    {
        var person = people[alias];
        // She asks again on the connection she has, or opens one.
        var connection = chats.Has(person) ? chats.Of(person) : await chats.OpenAsync(person);
        connection.Received.First(e => e.Type == "connection_established")["user_id"]
            .Should().Be(person.UserId, "the connection must belong to the account whose token opened it");

        await connection.SendUserMessageAsync(question);
        chats.LastQuestion[alias] = question;
    }

    [When("{word}'s live connection sends a message that is too large, one that cannot be read, and one of a kind it does not know")]
    public async Task SendsUntakeableMessages(string alias)
    {
        var connection = chats.Of(people[alias]);
        foreach (var (code, message) in ChatConnection.UntakeableMessages)
        {
            await connection.SendRawAsync(message);
            _untakeable.Add((code, await connection.WaitForAsync(e => e.Type == "error", $"an error answering a message that should get {code}")));
        }
    }

    [Then("each of them is answered with its reason, and {word}'s live connection stays open")]
    public void EachAnsweredWithItsReason(string alias)
    {
        _untakeable.Should().HaveCount(ChatConnection.UntakeableMessages.Count);
        foreach (var (code, answer) in _untakeable)
        {
            answer["code"].Should().Be(code, $"the message is answered with the reason it was not taken ({answer.Raw})");
            answer["message"].Should().NotBeNullOrWhiteSpace("the error says in words what was wrong");
        }
        chats.Of(people[alias]).CloseStatus.Should().BeNull("a message the server cannot take does not end the connection");
    }

    [Then("{word}'s live connection answers when it is checked")]
    public Task ConnectionAnswers(string alias) => chats.Of(people[alias]).CheckAsync();

    private readonly List<(string Code, SocketMessage Answer)> _untakeable = [];

    [Then("{word}'s next question is answered")]
    public Task NextQuestionIsAnswered(string alias) =>
        AsksAndIsAnswered(alias, $"Is everything still working? ({Guid.NewGuid():N})");

    [Given("{word} has asked the agent {string} and got her/his/their answer")]
    public async Task AsksAndIsAnswered(string alias, string question)
    {
        var person = people[alias];
        await chats.OpenAsync(person);
        var exchange = await chats.AskAndAwaitAsync(person, question);
        exchange.Answered.Should().BeTrue($"the agent should answer {alias}, but the run ended with: {exchange.End.Raw}");
        exchange.Answer.Should().NotBeNullOrWhiteSpace();
    }

    [Then("{word} sees the agent start, think, use a tool and complete, in that order")]
    public async Task SeesTheRunInOrder(string alias)
    {
        var connection = chats.Of(people[alias]);
        await connection.WaitForAsync(e => e.Type is "agent_completed" or "agent_error", "the end of the agent's run");

        var run = connection.ReceivedSinceLastSend.Where(e => SocketMessage.RunEventTypes.Contains(e.Type)).Select(e => e.Type).ToList();
        run.Should().NotContain("agent_error", "the agent should have answered: " + connection.ReceivedSinceLastSend.LastOrDefault()?.Raw);
        run.Should().StartWith(["agent_started", "agent_thinking"]).And.EndWith("agent_completed");
        var tools = run.Skip(2).SkipLast(1).ToList();
        tools.Should().NotBeEmpty("the agent uses at least one tool for this question");
        tools.Chunk(2).Should().AllSatisfy(pair => pair.Should().Equal("tool_executing", "tool_completed"),
            "each tool the agent uses is reported as it starts and as it finishes");
    }

    [Then("{word} receives the agent's answer to her/his/their question")]
    public async Task ReceivesTheAnswer(string alias)
    {
        var connection = chats.Of(people[alias]);
        var completed = await connection.WaitForAsync("agent_completed");
        var started = await connection.WaitForAsync("agent_started");
        completed["run_id"].Should().Be(started["run_id"], "the answer must belong to the run that was started");

        var answer = completed.Payload["result"]?["content"]?.ToString();
        answer.Should().NotBeNullOrWhiteSpace("the agent's answer comes from the language model");
        completed.Payload["usage"]?["completion_tokens"]?.GetValue<int>().Should().BePositive("the model's token usage is passed on for billing");
        if (environment.Environment.IsLocal)
            answer.Should().Contain(chats.LastQuestion[alias], "the local language model quotes the question it answers, so this proves the question reached it");
    }
}
