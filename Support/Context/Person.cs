using Netra.Acceptance.Support.Drivers;

namespace Netra.Acceptance.Support.Context;

/// <summary>
/// Someone a scenario talks about ("Maria"): a made-up, unique identity for this scenario only,
/// plus what the services have told her and what she did so far. Everything a scenario keeps per person is here.
/// </summary>
public sealed class Person(string alias, string fullName, string email, string password)
{
    public string Alias { get; } = alias;
    public string FullName { get; } = fullName;
    public string Email { get; } = email;
    public string Password { get; } = password;

    /// <summary>Her name as she last gave it: at sign-up, or changed since.</summary>
    public string Name { get; set; } = fullName;

    /// <summary>Her account id, as the auth service assigned it at sign-up.</summary>
    public string? UserId { get; set; }

    /// <summary>Her current session (the token pair the sign-in service gave her), when signed in.</summary>
    public Session? Session { get; set; }

    /// <summary>The session she held before renewing it or signing in again.</summary>
    public Session? EarlierSession { get; set; }

    /// <summary>A session she ended by logging out, kept to prove it stays ended.</summary>
    public Session? EndedSession { get; set; }

    /// <summary>She signed in with Google in this scenario (so her account may have no password).</summary>
    public bool SignedInWithGoogle { get; set; }

    /// <summary>She closed her account in this scenario: nothing of hers is left to clean up.</summary>
    public bool AccountClosed { get; set; }

    /// <summary>The last thing she tried that a rule may refuse (sign-up, login, a name change...), with its answer.</summary>
    public Attempt? LastAttempt { get; set; }

    public Attempt LastTry =>
        LastAttempt ?? throw new InvalidOperationException($"{Alias} has tried nothing yet.");

    /// <summary>What the language model was told to answer her, and with how many tokens.</summary>
    public ModelAnswer? ModelAnswer { get; set; }

    public ModelAnswer Expected =>
        ModelAnswer ?? throw new InvalidOperationException($"The language model was not told what to answer {Alias}.");

    /// <summary>The question she asked last, over the API, the live connection or the website.</summary>
    public string? LastQuestion { get; set; }

    public string Question =>
        LastQuestion ?? throw new InvalidOperationException($"{Alias} has asked nothing yet.");

    // Kept under a lock: a burst of her questions is asked side by side.
    private readonly List<ApiResponse> _apiAnswers = [];
    private readonly List<Exchange> _exchanges = [];

    /// <summary>The platform's answers to what she asked through the API, in the order they came.</summary>
    public IReadOnlyList<ApiResponse> ApiAnswers { get { lock (_apiAnswers) return [.. _apiAnswers]; } }

    public void Keep(ApiResponse apiAnswer) { lock (_apiAnswers) _apiAnswers.Add(apiAnswer); }

    public ApiResponse LastApiAnswer =>
        ApiAnswers.LastOrDefault() ?? throw new InvalidOperationException($"{Alias} has asked nothing through the API yet.");

    /// <summary>Her finished exchanges with the agent over her live connection, in the order they ended.</summary>
    public IReadOnlyList<Exchange> Exchanges { get { lock (_exchanges) return [.. _exchanges]; } }

    public void Keep(Exchange exchange) { lock (_exchanges) _exchanges.Add(exchange); }

    /// <summary>Her last finished exchange with the agent over her live connection.</summary>
    public Exchange Exchange =>
        Exchanges.LastOrDefault() ?? throw new InvalidOperationException($"{Alias} has had no question answered over her live connection yet.");

    /// <summary>The last "try again in N seconds" she was given (an answer's Retry-After or the socket's retry_after).</summary>
    public int? AnnouncedWaitSeconds { get; set; }

    /// <summary>Messages her live connection sent that the platform could not take: the code each should get, and the answer.</summary>
    public List<(string ExpectedCode, SocketMessage Answer)> UntakenMessages { get; } = [];

    /// <summary>What she asked and was answered in the website's chat, to check later that it is still shown.</summary>
    public List<(string Question, string Answer)> OnScreen { get; } = [];

    public string AccessToken =>
        Session?.AccessToken ?? throw new InvalidOperationException($"{Alias} is not signed in; sign her up or log her in first.");
}

/// <summary>What the language model was told to answer someone.</summary>
public sealed record ModelAnswer(string Text, int PromptTokens, int CompletionTokens);
