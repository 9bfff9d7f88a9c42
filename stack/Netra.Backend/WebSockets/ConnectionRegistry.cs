using System.Collections.Concurrent;
using System.Net.WebSockets;

namespace Netra.Backend.WebSockets;

/// <summary>Open connections by id, so that account events can reach (only) a given user's connections.</summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<string, WsConnection> _connections = new();

    public int Count => _connections.Count;

    public void Add(WsConnection connection) => _connections[connection.Id] = connection;

    public void Remove(WsConnection connection) => _connections.TryRemove(connection.Id, out _);

    public IEnumerable<WsConnection> ForUser(string userId) => _connections.Values.Where(c => c.UserId == userId);

    public async Task CloseUserConnectionsAsync(string userId, string reason)
    {
        foreach (var connection in ForUser(userId).ToList())
        {
            await connection.SendErrorAsync("AUTH_FAILED", reason);
            await connection.CloseAsync(WebSocketCloseStatus.PolicyViolation, reason);
        }
    }
}
