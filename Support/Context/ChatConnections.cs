using System.Collections.Concurrent;
using System.Net.WebSockets;
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
        var exchange = new Exchange(started.ThreadId, started.RunId, question, end);
        person.Keep(exchange);
        return exchange;
    }

    /// <summary>
    /// Tries to open a connection with the given token (or none) from a page at the given origin, waits for the platform to
    /// greet or refuse it, and keeps how it answered. The connection is closed again.
    /// </summary>
    public async Task<ConnectionAttempt> TryToOpenAsync(string what, string? token, string? origin = null)
    {
        try
        {
            await using var connection = await ChatConnection.OpenAsync(environment.Endpoints.ChatSocket, token, transcript, $"ws[{what}]", origin);
            var first = await connection.WaitForAsync(m => m.IsGreeting || m.IsAuthFailure, $"the platform's greeting or refusal of {what}");
            if (first.IsGreeting) return new ConnectionAttempt(what, null, null, null, first.UserId);
            var closed = await connection.WaitForCloseAsync();
            return new ConnectionAttempt(what, null, first.ErrorMessage, closed, connection.GreetedAs);
        }
        catch (WebSocketException refused)
        {
            return new ConnectionAttempt(what, refused.Message, null, null, null);
        }
    }

    public bool Has(Person person) => _connections.ContainsKey(person.Alias);

    /// <summary>Her open connection, or a new one if she has none.</summary>
    public async Task<ChatConnection> OpenedAsync(Person person) => Has(person) ? Of(person) : await OpenAsync(person);

    /// <summary>Asks the agent over her connection without waiting for the answer (a later step awaits the run).</summary>
    public async Task AskAsync(Person person, string question)
    {
        await Of(person).SendUserMessageAsync(question);
        person.LastQuestion = question;
    }

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

    /// <summary>The agent answered the question (the run completed with an answer); fails with how the run ended otherwise.</summary>
    public Exchange ShouldBeAnswered(string because = "the agent answers the question")
    {
        Answered.Should().BeTrue($"{because}, but the run ended with: {End.Raw}");
        return this;
    }
}
