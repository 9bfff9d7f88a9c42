using System.Collections.Concurrent;
using Netra.Acceptance.Support.Drivers;
using Netra.Acceptance.Support.Evidence;

namespace Netra.Acceptance.Support.Context;

/// <summary>The live chat connections of a scenario, one per person (the socket, not her session); all closed when it ends.</summary>
public sealed class ChatConnections(EnvironmentContext environment, ScenarioTranscript transcript) : IAsyncDisposable
{
    // Concurrent: a crowd scenario opens and uses many people's connections at once.
    private readonly ConcurrentDictionary<string, ChatConnection> _connections = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Opens a connection for her (replacing an older one) and waits until the platform greets it.</summary>
    public async Task<ChatConnection> OpenAsync(Person person)
    {
        if (_connections.TryRemove(person.Alias, out var older)) await older.DisposeAsync();
        var connection = await ChatConnection.OpenAsync(environment.Endpoints.ChatSocket, person.AccessToken, transcript, $"ws[{person.Alias}]");
        _connections[person.Alias] = connection;
        await connection.WaitForAsync(m => m.IsGreeting, "the platform's greeting");
        return connection;
    }

    /// <summary>Asks the agent over her connection and waits for the end of the run (completed or failed).</summary>
    public async Task<Exchange> AskAndAwaitAsync(Person person, string question, string? threadId = null)
    {
        var connection = Of(person);
        await connection.SendUserMessageAsync(question, threadId);
        person.LastQuestion = question;
        var started = await connection.WaitForRunStartAsync();
        var end = await connection.WaitForRunEndAsync();
        return person.LastExchange = new Exchange(started.ThreadId, started.RunId, question, end);
    }

    public bool Has(Person person) => _connections.ContainsKey(person.Alias);

    public ChatConnection Of(Person person) =>
        _connections.TryGetValue(person.Alias, out var connection)
            ? connection
            : throw new InvalidOperationException($"{person.Alias} has no chat connection; connect her first.");

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections.Values) await connection.DisposeAsync();
    }
}

/// <summary>One question and how the agent's run ended.</summary>
public sealed record Exchange(string? ThreadId, string? RunId, string Question, SocketMessage End)
{
    public bool Answered => End.IsAnswer;
    public string? Answer => End.AnswerText;
}
