using Netra.Acceptance.Support.Browser;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>The agent pipeline: which agent answers, its steps, failures, and the kept conversation.</summary>
[Binding]
public sealed class AgentPipelineSteps(
    People people, ChatConnections chats, AgentAnswers expected, AuthApi auth,
    LoginPage login, ChatPage chatPage, EnvironmentContext environment)
{
    [Then("the cost optimisation agent takes {word}'s question")]
    public async Task CostAgentTakesIt(string alias)
    {
        var started = await chats.Of(people[alias]).WaitForAsync("agent_started");
        started["agent_name"].Should().ContainEquivalentOf("cost", "triage sends a question about costs to the cost optimisation agent");
    }

    [Then("{word} sees the agent start, think, use the cost analyser and complete, in that order")]
    public async Task SeesTheCostRunInOrder(string alias)
    {
        var connection = chats.Of(people[alias]);
        await connection.WaitForAsync(e => e.Type is "agent_completed" or "agent_error", "the end of the agent's run");
        var run = connection.ReceivedSinceLastSend.Where(e => SocketMessage.RunEventTypes.Contains(e.Type)).ToList();
        run.Select(e => e.Type).Should().Equal(["agent_started", "agent_thinking", "tool_executing", "tool_completed", "agent_completed"],
            "the cost agent starts, thinks, runs its tool (reported as it starts and as it finishes) and completes");
        run.Select(e => e["run_id"]).Distinct().Should().ContainSingle("every step belongs to the one run that was started");
        run[2]["tool_name"].Should().ContainEquivalentOf("cost", "the cost agent uses the cost analyser");
        run[3]["tool_name"].Should().Be(run[2]["tool_name"], "the tool that completes is the tool that started");
        run[3]["result"].Should().NotBeNullOrWhiteSpace("the tool reports what it found");
    }

    [Then("{word} receives the language model's answer from the agent")]
    public async Task ReceivesTheModelsAnswer(string alias)
    {
        var (text, promptTokens, completionTokens) = expected.For(alias);
        var completed = await chats.Of(people[alias]).WaitForAsync("agent_completed");
        completed.Payload["result"]?["content"]?.ToString().Should().Be(text, "the agent passes on the language model's answer");
        completed.Payload["usage"]?["prompt_tokens"]?.GetValue<int>().Should().Be(promptTokens, "the run reports the model's own token counts");
        completed.Payload["usage"]?["completion_tokens"]?.GetValue<int>().Should().Be(completionTokens);
    }

    [When("{word} logs in on the website")]
    public async Task LogsInOnTheWebsite(string alias)
    {
        var person = people[alias];
        await login.LogInAsync(person.Email, person.Password);
        await chatPage.WaitUntilConnectedAsync();
    }

    [Then("{word} sees the language model's answer on screen")]
    public async Task SeesTheModelsAnswerOnScreen(string alias)
    {
        var answer = await chatPage.AnswerAsync();
        answer.Trim().Should().Be(expected.For(alias).Text, "the page shows the answer the language model gave to her question");
    }

    [When("{word} logs in again")]
    public async Task LogsInAgain(string alias)
    {
        var person = people[alias];
        var before = person.Session?.AccessToken;
        var answer = await auth.LoginAsync(person.Email, person.Password);
        answer.IsSuccess.Should().BeTrue($"{alias} logs in with her password, but the auth service answered {answer.Status}: {answer.Detail}");
        person.Session = answer.As<Session>();
        person.Session.AccessToken.Should().NotBe(before, "a new login starts a new session");
    }

    [Then("{word} is told the agent could not answer and that she/he/they can try again")]
    public async Task ToldTheAgentCouldNotAnswer(string alias)
    {
        var connection = chats.Of(people[alias]);
        var within = environment.Environment.LlmTimeout + ChatConnection.DefaultWait;
        var end = await connection.WaitForAsync(e => e.Type is "agent_completed" or "agent_error", "the end of the agent's run", within);
        end.Type.Should().Be("agent_error", "the language model did not answer, so the agent must say it could not: " + end.Raw);
        var started = await connection.WaitForAsync("agent_started");
        end["run_id"].Should().Be(started["run_id"], "the run that was started is the one that ends: none is left hanging");
        end.Payload["recoverable"]?.GetValue<bool>().Should().BeTrue("she can try again");
        end["error"].Should().NotBeNullOrWhiteSpace("she is told what went wrong");
        end["suggestion"].Should().NotBeNullOrWhiteSpace("she is told what to do next");
        connection.ReceivedSinceLastSend.Count(e => e.Type is "agent_completed" or "agent_error").Should().Be(1, "a run ends exactly once");
    }
}
