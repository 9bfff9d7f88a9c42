namespace Netra.Acceptance.Support.Context;

/// <summary>What each person asked and was answered in the website's chat, to check later that it is still shown.</summary>
public sealed class ConversationsOnScreen
{
    private readonly Dictionary<string, List<(string Question, string Answer)>> _exchanges = new(StringComparer.OrdinalIgnoreCase);

    public void Record(string alias, string question, string answer)
    {
        if (!_exchanges.TryGetValue(alias, out var exchanges)) _exchanges[alias] = exchanges = [];
        exchanges.Add((question, answer));
    }

    public IReadOnlyList<(string Question, string Answer)> Of(string alias) =>
        _exchanges.TryGetValue(alias, out var exchanges) && exchanges.Count > 0
            ? exchanges
            : throw new InvalidOperationException($"{alias} has not had a question answered in the website's chat yet.");
}
