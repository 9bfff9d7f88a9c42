using System.Net.WebSockets;
using System.Text.Json;
using Netra.Backend.Agents;
using Netra.Backend.Infrastructure;

namespace Netra.Backend.WebSockets;

/// <summary>The envelope of every message, both ways.</summary>
public sealed record Envelope(string Type, object Payload, string Timestamp);

public sealed record ErrorPayload(string Code, string Message);

public sealed record RateLimitedPayload(string Code, string Message, int RetryAfter);

/// <summary>
/// One accepted WebSocket. Sends are serialized with a lock because agent runs, the receive loop
/// and account events may all send at once, and a WebSocket allows one send at a time.
/// </summary>
public sealed class WsConnection(WebSocket socket, string userId, ILogger logger) : IAgentEventSink
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public string Id { get; } = Guid.NewGuid().ToString();
    public string UserId { get; } = userId;
    public WebSocket Socket => socket;

    public Task EmitAsync(string type, object payload) => SendAsync(type, payload);

    public Task SendErrorAsync(string code, string message) => SendAsync("error", new ErrorPayload(code, message));

    /// <summary>Sends one event; a connection that is closing or gone is skipped quietly (a run outlives its socket).</summary>
    public async Task SendAsync(string type, object payload)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new Envelope(type, payload, Timestamps.Now()), JsonDefaults.Options);
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
            // A client that stops reading must not block its runs forever; a cancelled send aborts the socket.
            using var timeout = new CancellationTokenSource(SendTimeout);
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
            logger.LogInformation("ws send {Type} conn={ConnectionId}", type, Id);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            logger.LogInformation("ws send {Type} conn={ConnectionId} dropped: connection is gone", type, Id);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Starts or completes the closing handshake with the given status.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
            using var timeout = new CancellationTokenSource(SendTimeout);
            await socket.CloseOutputAsync(status, reason, timeout.Token);
            logger.LogInformation("ws close {Status} conn={ConnectionId}", (int)status, Id);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Already gone.
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
