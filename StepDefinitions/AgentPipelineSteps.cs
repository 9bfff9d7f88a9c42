using Netra.Acceptance.Support.Browser;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>The agent pipeline: which agent answers, its steps, failures, and the kept conversation.</summary>
[Binding]
public sealed class AgentPipelineSteps(
    People people, ChatConnections chats, AuthApi auth, LoginPage login, ChatPage chatPage, EnvironmentContext environment)
{
    [Then("the cost optimisation agent takes {word}'s question")]
    public async Task CostAgentTakesIt(string alias) =>
        (await chats.Of(people[alias]).WaitForRunStartAsync()).AgentName
            .Should().ContainEquivalentOf("cost", "triage sends a question about costs to the cost optimisation agent");

    [Then("{word} sees the agent start, think, use the cost analyser and complete, in that order")]
    public async Task SeesTheCostRunInOrder(string alias)
    {
        var run = await chats.Of(people[alias]).AwaitRunAsync();
        run.Steps.Should().Equal([RunStep.Started, RunStep.Thinking, RunStep.ToolStarted, RunStep.ToolFinished, RunStep.Completed],
            "the cost agent starts, thinks, runs its tool (reported as it starts and as it finishes) and completes");
        run.RunIds.Should().ContainSingle("every step belongs to the one run that was started");
        var tool = run.Tools.Single();
        tool.Started.Should().ContainEquivalentOf("cost", "the cost agent uses the cost analyser");
        tool.Finished.Should().Be(tool.Started, "the tool that completes is the tool that started");
        tool.Result.Should().NotBeNullOrWhiteSpace("the tool reports what it found");
    }

    [Then("{word} receives the language model's answer from the agent")]
    public async Task ReceivesTheModelsAnswer(string alias)
    {
        var run = await chats.Of(people[alias]).AwaitRunAsync();
        run.Answer.Should().Be(people[alias].Expected.Text, $"the agent passes on the language model's answer ({run.End.Raw})");
        run.Usage.Should().Be(new TokenUsage(people[alias].Expected.PromptTokens, people[alias].Expected.CompletionTokens),
            "the run reports the model's own token counts");
    }

    [When("{word} logs in on the website")]
    public async Task LogsInOnTheWebsite(string alias)
    {
        await login.LogInAsync(people[alias].Email, people[alias].Password);
        await chatPage.WaitUntilConnectedAsync();
    }

    [Then("{word} sees the language model's answer on screen")]
    public async Task SeesTheModelsAnswerOnScreen(string alias) =>
        (await chatPage.AnswerAsync()).Trim().Should().Be(people[alias].Expected.Text, "the page shows the answer the language model gave to her question");

    [When("{word} logs in again")]
    public async Task LogsInAgain(string alias)
    {
        var before = people[alias].Session?.AccessToken;
        (await auth.LogInAsync(people[alias])).AccessToken.Should().NotBe(before, "a new login starts a new session");
    }

    [Then("{word} is told the agent could not answer and that she/he/they can try again")]
    public async Task ToldTheAgentCouldNotAnswer(string alias)
    {
        var run = await chats.Of(people[alias]).AwaitRunAsync(environment.Environment.LlmTimeout + ChatConnection.DefaultWait);
        run.Failure.Should().NotBeNull("the language model did not answer, so the agent must say it could not: " + run.End.Raw);
        run.End.RunId.Should().Be(run.Start.RunId, "the run that was started is the one that ends: none is left hanging");
        run.Failure!.Recoverable.Should().BeTrue("she can try again");
        run.Failure.Error.Should().NotBeNullOrWhiteSpace("she is told what went wrong");
        run.Failure.Suggestion.Should().NotBeNullOrWhiteSpace("she is told what to do next");
        run.Ends.Should().Be(1, "a run ends exactly once");
    }
}
