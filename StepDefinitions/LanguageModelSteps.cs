namespace Netra.Acceptance.StepDefinitions;

/// <summary>Directing the language model provider for one person's questions (scenarios tagged @controls-llm).</summary>
[Binding]
public sealed class LanguageModelSteps(People people, LanguageModelControl languageModel, EnvironmentContext environment)
{
    [Given("the language model will answer {word} {string}")]
    public async Task WillAnswer(string alias, string answer) =>
        await languageModel.AnswerAsync(people[alias], new ModelAnswer(answer, PromptTokens: 120, CompletionTokens: 40));

    [Given("the language model will answer {word} with text that looks like the code of a web page")]
    public Task WillAnswerWithMarkup(string alias) => WillAnswer(alias, Support.Browser.HostileText.Answer);

    [Given("the language model answers {word} using {int} prompt tokens and {int} completion tokens per answer")]
    public async Task AnswersWithTokens(string alias, int promptTokens, int completionTokens) =>
        await languageModel.AnswerAsync(people[alias],
            new ModelAnswer($"Here is {alias}'s analysis: trim idle capacity first, then cache repeated prompts.", promptTokens, completionTokens));

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

    private string UserIdOf(string alias) => languageModel.UserIdOf(people[alias]);
}
