namespace Netra.Acceptance.Support.Context;

/// <summary>What the language model was told to answer each person, and with how many tokens.</summary>
public sealed class AgentAnswers
{
    private readonly Dictionary<string, (string Text, int PromptTokens, int CompletionTokens)> _answers = new(StringComparer.OrdinalIgnoreCase);

    public void Set(string alias, string text, int promptTokens, int completionTokens) => _answers[alias] = (text, promptTokens, completionTokens);

    public (string Text, int PromptTokens, int CompletionTokens) For(string alias) =>
        _answers.TryGetValue(alias, out var answer)
            ? answer
            : throw new InvalidOperationException($"The language model was not told what to answer {alias}.");
}
