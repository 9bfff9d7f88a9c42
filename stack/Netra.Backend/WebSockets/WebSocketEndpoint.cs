using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Netra.Backend.Agents;
using Netra.Backend.Auth;
using Netra.Backend.Infrastructure;
using Netra.Backend.RateLimiting;

namespace Netra.Backend.WebSockets;

/// <summary>
/// GET /ws per the contract: Origin check before the upgrade, token from the Authorization header
/// or the jwt-auth/jwt.&lt;token&gt; subprotocols, then a {type,payload,timestamp} message loop.
/// </summary>
public static class WebSocketEndpoint
{
    public const int MaxMessageBytes = 8 * 1024;
    public const int MaxRunsInFlight = 3;
    private const string AuthSubprotocol = "jwt-auth";
    private const string TokenSubprotocolPrefix = "jwt.";

    public static void MapWebSocketEndpoint(this IEndpointRouteBuilder app) => app.Map("/ws", HandleAsync);

    private static async Task HandleAsync(HttpContext context, BackendSettings settings, AccessTokenValidator validator,
        AgentRunner runner, ChatRateLimiter limiter, Database database, ConnectionRegistry registry, ConnectionTokens tokens, ILoggerFactory loggers, IHostApplicationLifetime lifetime)
    {
        var logger = loggers.CreateLogger("Netra.Backend.WebSockets");

        // Cross-site WebSocket hijacking: browsers always send Origin, and a foreign page must not
        // ride on a user's credentials. Programs that send no Origin are fine.
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !settings.IsOriginAllowed(origin))
        {
            logger.LogWarning("ws refused: origin {Origin} is not allowed", LogText.Clean(origin, 100));
            await Problems.Create(StatusCodes.Status403Forbidden, "WebSocket connections from this origin are not allowed.").ExecuteAsync(context);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Problems.BadRequest("This endpoint only accepts WebSocket upgrade requests.").ExecuteAsync(context);
            return;
        }

        var requested = context.WebSockets.WebSocketRequestedProtocols;
        var token = ReadToken(context.Request, requested, out var tokenError);
        var validation = tokenError is null ? await validator.ValidateAsync(token, context.RequestAborted) : new TokenValidation(null, tokenError);

        // Accept first even for a bad token: a browser cannot read a refused handshake, but it can
        // read an AUTH_FAILED message and the 1008 close.
        using var socket = await GuardedWebSocket.AcceptAsync(context, requested.Contains(AuthSubprotocol) ? AuthSubprotocol : null,
            keepAlive: TimeSpan.FromSeconds(30));

        if (!validation.IsValid)
        {
            var rejected = new WsConnection(socket, "", logger);
            await rejected.SendErrorAsync("AUTH_FAILED", $"Authentication failed: {validation.Error}");
            await rejected.CloseAsync(WebSocketCloseStatus.PolicyViolation, "Authentication failed");
            await DrainUntilClosedAsync(socket, TimeSpan.FromSeconds(2));
            return;
        }

        var connection = new WsConnection(socket, validation.Token!.UserId, logger);
        registry.Add(connection);
        tokens.Track(connection, validation.Token!);
        var loop = new ConnectionLoop(connection, runner, limiter, database, settings, logger, lifetime.ApplicationStopping);
        try
        {
            await connection.SendAsync("connection_established", new { connection_id = connection.Id, user_id = connection.UserId });
            await loop.ReceiveLoopAsync(context.RequestAborted);
        }
        finally
        {
            registry.Remove(connection);
            tokens.Forget(connection);
            await loop.WaitForRunsAsync();
        }
    }

    /// <summary>Authorization: Bearer header first (programs), then the browser subprotocols.</summary>
    private static string? ReadToken(HttpRequest request, IList<string> subprotocols, out string? error)
    {
        var header = BearerAuthenticationHandler.ReadBearerToken(request, out error);
        if (error is not null || header is not null) return header;

        var encoded = subprotocols.FirstOrDefault(p => p.StartsWith(TokenSubprotocolPrefix, StringComparison.Ordinal));
        if (encoded is null)
        {
            error = "No access token: send 'Authorization: Bearer <token>' or the subprotocols 'jwt-auth' and 'jwt.<base64url token>'.";
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded[TokenSubprotocolPrefix.Length..]));
        }
        catch (FormatException)
        {
            error = "The jwt.* subprotocol does not carry base64url text.";
            return null;
        }
    }

    private static async Task DrainUntilClosedAsync(WebSocket socket, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        var buffer = new byte[1024];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client did not complete the close handshake in time; the socket is aborted on dispose.
        }
    }

    /// <summary>The message loop of one authenticated connection, and the runs it started.</summary>
    private sealed class ConnectionLoop(WsConnection connection, AgentRunner runner, ChatRateLimiter limiter, Database database, BackendSettings settings, ILogger logger, CancellationToken stopping)
    {
        private readonly ConcurrentDictionary<Task, bool> _runs = new();

        public async Task ReceiveLoopAsync(CancellationToken aborted)
        {
            var socket = connection.Socket;
            var buffer = new byte[4096];
            using var message = new MemoryStream();
            // On shutdown, start the closing handshake (1001) so that the client's close ends this loop
            // promptly, instead of the host waiting out its shutdown timeout on open sockets.
            using var onStopping = stopping.Register(() => _ = CloseForShutdownAsync(socket));
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    message.SetLength(0);
                    var tooLarge = false;
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await socket.ReceiveAsync(buffer, aborted);
                        if (result.MessageType == WebSocketMessageType.Close)
                        {
                            await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "Bye");
                            return;
                        }
                        // Past the limit the rest of the message is read and dropped, so the connection stays usable.
                        if (message.Length + result.Count > MaxMessageBytes) tooLarge = true;
                        if (!tooLarge) message.Write(buffer, 0, result.Count);
                    } while (!result.EndOfMessage);

                    if (tooLarge)
                    {
                        logger.LogInformation("ws recv (too large) conn={ConnectionId}", connection.Id);
                        await connection.SendErrorAsync("MESSAGE_TOO_LARGE", $"Messages are limited to {MaxMessageBytes} bytes.");
                    }
                    else if (result.MessageType != WebSocketMessageType.Text)
                    {
                        logger.LogInformation("ws recv (binary) conn={ConnectionId}", connection.Id);
                        await connection.SendErrorAsync("FORMAT_ERROR", "Messages must be JSON text frames.");
                    }
                    else
                    {
                        await HandleMessageAsync(message.GetBuffer().AsMemory(0, (int)message.Length));
                    }
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // Also the path of a text frame with invalid UTF-8: the WebSocket closes with 1007 itself (RFC 6455).
                logger.LogInformation("ws conn={ConnectionId} dropped", connection.Id);
            }
        }

        private async Task HandleMessageAsync(ReadOnlyMemory<byte> bytes)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
            }
            catch (JsonException)
            {
                logger.LogInformation("ws recv (invalid json) conn={ConnectionId}", connection.Id);
                await connection.SendErrorAsync("FORMAT_ERROR", "Message is not valid JSON.");
                return;
            }

            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
                {
                    logger.LogInformation("ws recv (no type) conn={ConnectionId}", connection.Id);
                    await connection.SendErrorAsync("FORMAT_ERROR", "A message must be a JSON object {\"type\",\"payload\",\"timestamp\"} with a string 'type'.");
                    return;
                }
                var (type, notText) = Netra.Shared.Input.TextInput.Read(typeElement, "type");
                if (type is null)
                {
                    await connection.SendErrorAsync("FORMAT_ERROR", notText!);
                    return;
                }
                logger.LogInformation("ws recv {Type} conn={ConnectionId}", LogText.Clean(type), connection.Id);

                var payload = root.TryGetProperty("payload", out var p) ? p : default;
                if (payload.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
                {
                    await connection.SendErrorAsync("FORMAT_ERROR", "'payload' must be a JSON object.");
                    return;
                }

                switch (type)
                {
                    case "ping":
                        await connection.SendAsync("pong", new { });
                        break;
                    case "user_message":
                        await StartRunAsync(payload);
                        break;
                    default:
                        await connection.SendErrorAsync("UNKNOWN_MESSAGE_TYPE",
                            $"Unknown message type '{LogText.Clean(type)}'. Supported: ping, user_message.");
                        break;
                }
            }
        }

        private async Task StartRunAsync(JsonElement payload)
        {
            var hasPayload = payload.ValueKind == JsonValueKind.Object;
            var (text, error) = hasPayload ? JsonBody.OptionalString(payload, "text", prose: true) : (null, null);
            error ??= ChatInput.Validate(text);
            var (threadId, threadError) = hasPayload ? JsonBody.OptionalString(payload, "thread_id") : (null, null);
            error ??= threadError;
            if (error is not null)
            {
                await connection.SendErrorAsync("VALIDATION_ERROR", error);
                return;
            }
            if (_runs.Count >= MaxRunsInFlight)
            {
                await connection.SendErrorAsync("TOO_MANY_RUNS", $"At most {MaxRunsInFlight} messages can be answered at once on a connection; wait for an answer first.");
                return;
            }
            // The plan's allowance is shared with REST; over it the connection stays open.
            RateDecision allowance;
            try
            {
                allowance = await limiter.TryConsumeAsync(connection.UserId, stopping);
            }
            catch (Exception ex) when (Database.IsUnavailable(ex))
            {
                await connection.SendErrorAsync("SERVICE_UNAVAILABLE", database.Unavailable(ex).Message);
                return;
            }
            if (!allowance.Allowed)
            {
                await connection.SendAsync("error", new RateLimitedPayload("RATE_LIMITED",
                    $"Your plan allows {allowance.Limit} chat messages per {RateWindow.Describe(settings.RateLimitWindow)}; try again in {allowance.RetryAfterSeconds} seconds.",
                    allowance.RetryAfterSeconds));
                return;
            }

            // Runs go on in the background so that the loop keeps answering (ping, further messages)
            // while the agent works. They use the server's stopping token, not the connection's: an
            // answer is still stored in the thread if the browser went away meanwhile.
            var run = Task.Run(async () =>
            {
                try
                {
                    var outcome = await runner.RunAsync(connection.UserId, text!, string.IsNullOrEmpty(threadId) ? null : threadId, connection, stopping);
                    if (outcome.Failure is { Kind: AgentFailureKind.ThreadNotFound } f)
                        await connection.SendErrorAsync("THREAD_NOT_FOUND", f.Error);
                }
                catch (Exception ex) when (Database.IsUnavailable(ex))
                {
                    // Before the run started (the thread or the question could not be stored): nothing was saved.
                    await connection.SendErrorAsync("SERVICE_UNAVAILABLE", database.Unavailable(ex).Message);
                }
                catch (Exception ex)
                {
                    // Only reachable before the run started (e.g. the database was unavailable); afterwards the runner reports agent_error itself.
                    logger.LogError(ex, "ws conn={ConnectionId}: run could not start", connection.Id);
                    await connection.SendErrorAsync("INTERNAL_ERROR", "The message could not be processed; please send it again.");
                }
            });
            _runs[run] = true;
            _ = run.ContinueWith(t => _runs.TryRemove(t, out _), TaskScheduler.Default);
        }

        public Task WaitForRunsAsync() => Task.WhenAll(_runs.Keys);

        /// <summary>Sends 1001 and gives the client a moment to answer; a client that does not is cut off, so it cannot hold up the shutdown.</summary>
        private async Task CloseForShutdownAsync(WebSocket socket)
        {
            await connection.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "Server is shutting down");
            await Task.Delay(ShutdownCloseGrace);
            if (socket.State != WebSocketState.Closed) socket.Abort();
        }

        private static readonly TimeSpan ShutdownCloseGrace = TimeSpan.FromSeconds(2);
    }
}
