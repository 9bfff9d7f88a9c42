using Netra.Acceptance.Support.Drivers;
using Netra.Acceptance.Support.Evidence;

namespace Netra.Acceptance.Support.Context;

/// <summary>The live chat connections of a scenario, one per person; all closed when it ends.</summary>
public sealed class ChatSessions(EnvironmentContext environment, ScenarioTranscript transcript) : IAsyncDisposable
{
    private readonly Dictionary<string, ChatConnection> _connections = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The question each person asked last, to check the answer is to that question.</summary>
    public Dictionary<string, string> LastQuestion { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task<ChatConnection> OpenAsync(Person person)
    {
        var connection = await ChatConnection.OpenAsync(environment.Endpoints.ChatSocket, person.AccessToken, transcript, $"ws[{person.Alias}]");
        _connections[person.Alias] = connection;
        return connection;
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
