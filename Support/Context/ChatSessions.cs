using System.Collections.Concurrent;
using Netra.Acceptance.Support.Drivers;
using Netra.Acceptance.Support.Evidence;

namespace Netra.Acceptance.Support.Context;

/// <summary>The live chat connections of a scenario, one per person; all closed when it ends.</summary>
public sealed class ChatSessions(EnvironmentContext environment, ScenarioTranscript transcript) : IAsyncDisposable
{
    // Concurrent: a crowd scenario opens and uses many people's connections at once.
    private readonly ConcurrentDictionary<string, ChatConnection> _connections = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The question each person asked last, to check the answer is to that question.</summary>
    public ConcurrentDictionary<string, string> LastQuestion { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each person's last finished exchange with the agent: where it is kept, what was asked and answered.</summary>
    public ConcurrentDictionary<string, Exchange> LastExchange { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Opens a connection for her (replacing an older one) and waits until the platform greets it.</summary>
    public async Task<ChatConnection> OpenAsync(Person person)
    {
        if (_connections.TryRemove(person.Alias, out var older)) await older.DisposeAsync();
        var connection = await ChatConnection.OpenAsync(environment.Endpoints.ChatSocket, person.AccessToken, transcript, $"ws[{person.Alias}]");
        _connections[person.Alias] = connection;
        await connection.WaitForAsync("connection_established");
        return connection;
    }

    /// <summary>Asks the agent over her connection and waits for the end of the run (completed or failed).</summary>
    public async Task<Exchange> AskAndAwaitAsync(Person person, string question, string? threadId = null)
    {
        var connection = Of(person);
        await connection.SendUserMessageAsync(question, threadId);
        LastQuestion[person.Alias] = question;
        var started = await connection.WaitForAsync("agent_started");
        var end = await connection.WaitForAsync(e => e.Type is "agent_completed" or "agent_error", "the end of the agent's run");
        var exchange = new Exchange(started["thread_id"], started["run_id"], question, end);
        LastExchange[person.Alias] = exchange;
        return exchange;
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
public sealed record Exchange(string? ThreadId, string? RunId, string Question, AgentEvent End)
{
    public bool Answered => End.Type == "agent_completed";
    public string? Answer => End.Payload["result"]?["content"]?.ToString();
}
