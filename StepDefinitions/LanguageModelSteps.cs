namespace Netra.Acceptance.StepDefinitions;

/// <summary>Directing the language model provider for one person's questions (scenarios tagged @controls-llm).</summary>
[Binding]
public sealed class LanguageModelSteps(People people, LanguageModelControl languageModel, AgentAnswers expected, EnvironmentContext environment)
{
    [Given("the language model will answer {word} {string}")]
    public async Task WillAnswer(string alias, string answer)
    {
        await languageModel.AnswerAsync(UserIdOf(alias), answer, promptTokens: 120, completionTokens: 40);
        expected.Set(alias, answer, 120, 40);
    }

    [Given("the language model will answer {word} with text that looks like the code of a web page")]
    public Task WillAnswerWithMarkup(string alias) => WillAnswer(alias, Support.Browser.HostileText.Answer);

    [Given("the language model answers {word} using {int} prompt tokens and {int} completion tokens per answer")]
    public async Task AnswersWithTokens(string alias, int promptTokens, int completionTokens)
    {
        var answer = $"Here is {alias}'s analysis: trim idle capacity first, then cache repeated prompts.";
        await languageModel.AnswerAsync(UserIdOf(alias), answer, promptTokens, completionTokens);
        expected.Set(alias, answer, promptTokens, completionTokens);
    }

    [Given(@"^the language model (fails|is too slow|answers gibberish) when (\w+) asks ""(.*)""$")]
    public async Task FailsOn(string trouble, string alias, string question)
    {
        var failure = trouble switch
        {
            "fails" => ProviderFailure.ServerError,
            "is too slow" => ProviderFailure.TooSlow,
            _ => ProviderFailure.Unreadable,
        };
        await languageModel.FailOnAsync(UserIdOf(alias), question, failure);
    }

    [Given("the language model takes its time to answer {word}'s question {string}")]
    public Task TakesItsTime(string alias, string question) =>
        // Half the backend's patience: long enough to disturb the run, short enough to be answered.
        languageModel.AnswerSlowlyAsync(UserIdOf(alias), question, environment.Environment.LlmTimeout / 2);

    private string UserIdOf(string alias)
    {
        languageModel.RequireAvailable();
        return people[alias].UserId ?? throw new InvalidOperationException($"{alias} has no account yet; give her one first.");
    }
}
