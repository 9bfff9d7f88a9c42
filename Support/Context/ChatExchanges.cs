using Netra.Acceptance.Support.Drivers;

namespace Netra.Acceptance.Support.Context;

/// <summary>What each person of a scenario asked over REST and what the platform answered, in order.</summary>
public sealed class ChatExchanges
{
    private readonly Dictionary<string, List<ApiResponse>> _answers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The last "try again in N seconds" each person was given (REST Retry-After or the socket's retry_after).</summary>
    public Dictionary<string, int> AnnouncedWaitSeconds { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The last question each person asked through the API.</summary>
    public Dictionary<string, string> LastQuestion { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<ApiResponse> Of(string alias)
    {
        if (!_answers.TryGetValue(alias, out var list)) _answers[alias] = list = [];
        return list;
    }

    public ApiResponse LastOf(string alias) =>
        Of(alias).LastOrDefault() ?? throw new InvalidOperationException($"{alias} has asked nothing yet.");
}
