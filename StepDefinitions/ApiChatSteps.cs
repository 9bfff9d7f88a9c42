using System.Globalization;
using System.Net;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>Asking the agent through Netra's API (one request, one complete answer), as customers' own tools do.</summary>
[Binding]
public sealed class ApiChatSteps(People people, BackendApi backend, ChatExchanges exchanges, AgentAnswers expected)
{
    [When("{word} asks the agent {string} through the API")]
    public async Task AsksThroughTheApi(string alias, string question)
    {
        exchanges.LastQuestion[alias] = question;
        exchanges.Of(alias).Add(await backend.SendChatMessageAsync(people[alias].AccessToken, question));
    }

    [When("{word} tries the same question again at once")]
    public Task AsksAgain(string alias) => AsksThroughTheApi(alias, exchanges.LastQuestion[alias]);

    [When("{word} tries to ask the agent an empty question through the API")]
    public Task AsksAnEmptyQuestion(string alias) => AsksThroughTheApi(alias, "");

    [When("{word} tries to ask the agent a question of only spaces through the API")]
    public Task AsksABlankQuestion(string alias) => AsksThroughTheApi(alias, "   \t  ");

    [When("{word} tries to ask the agent a garbled request through the API")]
    public async Task SendsAGarbledRequest(string alias)
    {
        const string garbled = "{\"message\": \"How do I cut costs?";
        exchanges.LastQuestion[alias] = "How do I cut costs?";
        exchanges.Of(alias).Add(await backend.SendRawChatMessageAsync(people[alias].AccessToken, garbled));
    }

    [When("{word} tries to ask the agent a question of {word} characters through the API")]
    [When("{word} asks the agent a question of exactly {word} characters through the API")]
    public Task AsksALongQuestion(string alias, string length) =>
        AsksThroughTheApi(alias, QuestionOf(int.Parse(length, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)));

    [Then(@"^(\w+) is told (?:her|his|their) question was not taken because it is (empty|too long|unreadable)$")]
    public void ToldTheQuestionWasNotTaken(string alias, string why)
    {
        var answer = exchanges.LastOf(alias);
        var (status, says) = why switch
        {
            "empty" => (HttpStatusCode.UnprocessableEntity, "(?i)empty|required|blank"),
            "too long" => (HttpStatusCode.UnprocessableEntity, "(?i)10,?000|too long|at most"),
            _ => (HttpStatusCode.BadRequest, "(?i)json"),
        };
        answer.Status.Should().Be(status, $"a question that is {why} must be refused as bad input, but was answered {answer.Describe()}");
        answer.IsProblemWithDetail.Should().BeTrue($"the refusal says why: {answer.Describe()}");
        answer.Detail.Should().MatchRegex(says, $"the refusal says the question is {why}");
    }

    [Then("{word} receives the agent's answer to it, with the agent's name and the tokens the language model used")]
    public void ReceivesTheFullAnswer(string alias)
    {
        var reported = expected.For(alias);
        var answer = exchanges.LastOf(alias);
        answer.Status.Should().Be(HttpStatusCode.OK, $"a question within the limits is answered after a full run, but was answered {answer.Describe()}");
        var body = answer.Body!;
        body["message_id"]?.ToString().Should().NotBeNullOrEmpty("the answer is kept as a message");
        body["thread_id"]?.ToString().Should().NotBeNullOrEmpty("in a conversation");
        body["response"]?["agent_name"]?.ToString().Should().NotBeNullOrEmpty("the answer names the agent that gave it");
        body["response"]?["content"]?.ToString().Should().NotBeNullOrEmpty("the answer has content");
        body["usage"]?["prompt_tokens"]?.GetValue<int>().Should().Be(reported.PromptTokens, "the answer says what the language model reported it used");
        body["usage"]?["completion_tokens"]?.GetValue<int>().Should().Be(reported.CompletionTokens);
    }

    /// <summary>A question of exactly that many characters.</summary>
    private static string QuestionOf(int length) => ("How do I cut costs? " + Guid.NewGuid().ToString("N") + " ").PadRight(length, 'q')[..length];

    [Then("{word} is told through the API that the agent could not answer and that she/he/they can try again")]
    public void ToldThroughTheApiTheAgentCouldNotAnswer(string alias)
    {
        var answer = exchanges.LastOf(alias);
        ((int)answer.Status).Should().BeOneOf([502, 503, 504],
            $"a language model that lets the agent down is a failed dependency, told as such (never a 500, never an answer), but it was {answer.Describe()}");
        answer.IsProblemWithDetail.Should().BeTrue($"the refusal says what happened: {answer.Describe()}");
        answer.Detail.Should().MatchRegex(@"(?i)\bagain\b", "she is told she can try (or send her message) again");
    }

    [Then("{word}'s question through the API is answered")]
    public void QuestionThroughTheApiAnswered(string alias)
    {
        var answer = exchanges.LastOf(alias);
        answer.Status.Should().Be(HttpStatusCode.OK, $"the agent answers once the language model does, but it was {answer.Describe()}");
        answer.Body?["response"]?["content"]?.ToString().Should().NotBeNullOrWhiteSpace("the answer has content");
    }

    [Then("{word} is told the platform is temporarily unavailable and to try again shortly")]
    public void ToldTemporarilyUnavailable(string alias)
    {
        var answer = exchanges.LastOf(alias);
        answer.Status.Should().Be(HttpStatusCode.ServiceUnavailable,
            $"a platform without its database is unavailable, not broken (it answered: {answer.Detail})");
        answer.Detail.Should().ContainEquivalentOf("unavailable", "she is told in words what is wrong");
        answer.Headers.Should().ContainKey("Retry-After", "she is told when to try again");
    }
}
