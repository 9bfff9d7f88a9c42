using System.Globalization;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>Asking the agent through Netra's API (one request, one complete answer), as customers' own tools do.</summary>
[Binding]
public sealed class ApiChatSteps(People people, BackendApi backend)
{
    /// <summary>How each kind of question that is not taken is refused, and what the refusal must say.</summary>
    private static readonly Dictionary<string, (Refusal Refusal, string Says)> NotTaken = new()
    {
        ["empty"] = (Refusal.Invalid, "(?i)empty|required|blank"),
        ["too long"] = (Refusal.Invalid, "(?i)10,?000|too long|at most"),
        ["unreadable"] = (Refusal.Unreadable, "(?i)json"),
    };

    [When("{word} asks the agent {string} through the API")]
    public Task AsksThroughTheApi(string alias, string question) => backend.AskAsync(people[alias], question);

    [When("{word} tries the same question again at once")]
    public Task AsksAgain(string alias) => AsksThroughTheApi(alias, people[alias].Question);

    [When("{word} tries to ask the agent an empty question through the API")]
    public Task AsksAnEmptyQuestion(string alias) => AsksThroughTheApi(alias, "");

    [When("{word} tries to ask the agent a question of only spaces through the API")]
    public Task AsksABlankQuestion(string alias) => AsksThroughTheApi(alias, "   \t  ");

    [When("{word} tries to ask the agent a garbled request through the API")]
    public Task SendsAGarbledRequest(string alias) =>
        backend.AskWithBodyAsync(people[alias], "How do I cut costs?", "{\"message\": \"How do I cut costs?");

    [When("{word} tries to ask the agent a question of {word} characters through the API")]
    [When("{word} asks the agent a question of exactly {word} characters through the API")]
    public Task AsksALongQuestion(string alias, string length) =>
        AsksThroughTheApi(alias, QuestionOf(int.Parse(length, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)));

    [Then(@"^(\w+) is told (?:her|his|their) question was not taken because it is (empty|too long|unreadable)$")]
    public void ToldTheQuestionWasNotTaken(string alias, string why) =>
        people[alias].LastApiAnswer.ShouldBeRefused(NotTaken[why].Refusal, $"a question that is {why} must be refused as bad input", NotTaken[why].Says);

    [Then("{word} receives the agent's answer to it, with the agent's name and the tokens the language model used")]
    public void ReceivesTheFullAnswer(string alias)
    {
        var answer = people[alias].LastApiAnswer.ShouldBeAnswered("a question within the limits is answered after a full run").As<ChatAnswer>();
        answer.MessageId.Should().NotBeNullOrEmpty("the answer is kept as a message");
        answer.ThreadId.Should().NotBeNullOrEmpty("in a conversation");
        answer.Response?.AgentName.Should().NotBeNullOrEmpty("the answer names the agent that gave it");
        answer.Text.Should().NotBeNullOrEmpty("the answer has content");
        answer.Usage.Should().Be(new TokenUsage(people[alias].Expected.PromptTokens, people[alias].Expected.CompletionTokens),
            "the answer says what the language model reported it used");
    }

    /// <summary>A question of exactly that many characters.</summary>
    private static string QuestionOf(int length) => ("How do I cut costs? " + Guid.NewGuid().ToString("N") + " ").PadRight(length, 'q')[..length];

    [Then("{word} is told through the API that the agent could not answer and that she/he/they can try again")]
    public void ToldThroughTheApiTheAgentCouldNotAnswer(string alias) =>
        people[alias].LastApiAnswer
            .ShouldBeADependencyFailure("a language model that lets the agent down is a failed dependency, told as such (never a 500, never an answer)")
            .ShouldExplain(@"(?i)\bagain\b", "she is told she can try (or send her message) again");

    [Then("{word}'s question through the API is answered")]
    public void QuestionThroughTheApiAnswered(string alias) =>
        people[alias].LastApiAnswer.ShouldBeAnswered("the agent answers once the language model does")
            .As<ChatAnswer>().Text.Should().NotBeNullOrWhiteSpace("the answer has content");

    [Then("{word} is told the platform is temporarily unavailable and to try again shortly")]
    public void ToldTemporarilyUnavailable(string alias)
    {
        var answer = people[alias].LastApiAnswer.ShouldBeRefused(Refusal.Unavailable, "a platform without its database is unavailable, not broken");
        answer.Detail.Should().ContainEquivalentOf("unavailable", "she is told in words what is wrong");
        answer.ShouldSayWhenToTryAgain("she is told when to try again");
    }
}
