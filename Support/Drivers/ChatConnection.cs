using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Netra.Acceptance.Support.Evidence;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>
/// A live chat connection to the backend, as a program opens it (token in the Authorization
/// header). Everything received is kept in order; steps wait for events, never for time.
/// Waits look at what arrived since the last message this side sent, so each question is
/// matched with its own answer.
/// </summary>
public sealed class ChatConnection : IAsyncDisposable
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15); // a deadline, not a delay

    private readonly ClientWebSocket _socket;
    private readonly ScenarioTranscript _transcript;
    private readonly string _name;
    private readonly List<SocketMessage> _received = [];
    private TaskCompletionSource _nextArrival = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sinceLastSend;
    private bool _ended;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiveLoop;

    private ChatConnection(ClientWebSocket socket, ScenarioTranscript transcript, string name)
    {
        _socket = socket;
        _transcript = transcript;
        _name = name;
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Everything received so far, in order.</summary>
    public IReadOnlyList<SocketMessage> Received { get { lock (_received) return [.. _received]; } }

    /// <summary>What arrived since this side last sent a message (the answer to it, so far).</summary>
    public IReadOnlyList<SocketMessage> ReceivedSinceLastSend { get { lock (_received) return [.. _received.Skip(_sinceLastSend)]; } }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<ChatConnection> OpenAsync(Uri socketUrl, string? accessToken, ScenarioTranscript transcript, string name, string? origin = null)
    {
        var socket = new ClientWebSocket();
        if (accessToken is not null) socket.Options.SetRequestHeader("Authorization", $"Bearer {accessToken}");
        if (origin is not null) socket.Options.SetRequestHeader("Origin", origin);
        transcript.Trace.AddTo(socket.Options);
        transcript.SocketMessage(name, "connect", socketUrl.ToString());
        using var timeout = new CancellationTokenSource(DefaultWait);
        try
        {
            await socket.ConnectAsync(socketUrl, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            transcript.SocketMessage(name, "refused", e.Message);
            socket.Dispose();
            throw new WebSocketException($"The chat connection to {socketUrl} could not be opened: {e.Message}", e);
        }
        return new ChatConnection(socket, transcript, name);
    }

    public Task SendAsync(string type, object payload)
    {
        var text = JsonSerializer.Serialize(new { type, payload, timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 }, Json.Options);
        _transcript.SocketMessage(_name, "→", text);
        lock (_received) _sinceLastSend = _received.Count;
        return _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, _stop.Token);
    }

    public Task SendUserMessageAsync(string text, string? threadId = null) =>
        SendAsync("user_message", new { text, thread_id = threadId });

    /// <summary>Sends text as it is, envelope or not (to see how the server takes what it cannot read).</summary>
    public Task SendRawAsync(string text)
    {
        _transcript.SocketMessage(_name, "→", text.Length > 300 ? text[..300] + $"… ({text.Length} characters)" : text);
        lock (_received) _sinceLastSend = _received.Count;
        return _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, _stop.Token);
    }

    /// <summary>Sends bytes as a binary message (the contract takes JSON text only).</summary>
    public Task SendBinaryAsync(byte[] bytes)
    {
        _transcript.SocketMessage(_name, "→", $"(binary, {bytes.Length} bytes)");
        lock (_received) _sinceLastSend = _received.Count;
        return _socket.SendAsync(bytes, WebSocketMessageType.Binary, true, _stop.Token);
    }

    /// <summary>The contract's error codes for messages the server cannot take (it answers each and stays open).</summary>
    public static readonly IReadOnlyDictionary<string, string> UntakeableMessages = new Dictionary<string, string>
    {
        ["MESSAGE_TOO_LARGE"] = JsonSerializer.Serialize(new { type = "user_message", payload = new { text = new string('x', 9 * 1024) } }),
        ["FORMAT_ERROR"] = "{\"type\": \"user_message\", \"payload\": {",
        ["UNKNOWN_MESSAGE_TYPE"] = JsonSerializer.Serialize(new { type = "make_coffee", payload = new { } }),
    };

    /// <summary>Asks into a conversation and returns the platform's first word on it: a refusal, or the start of a run.</summary>
    public async Task<SocketMessage> AskIntoAsync(string question, string threadId)
    {
        await SendUserMessageAsync(question, threadId);
        return await WaitForAsync(m => m.IsError || m.IsRunStart, "a refusal, or the start of a run");
    }

    /// <summary>Sends each of <see cref="UntakeableMessages"/> and returns the code it should get and the error it got.</summary>
    public async Task<IReadOnlyList<(string ExpectedCode, SocketMessage Answer)>> SendUntakeableMessagesAsync()
    {
        var answers = new List<(string, SocketMessage)>();
        foreach (var (code, message) in UntakeableMessages)
        {
            await SendRawAsync(message);
            answers.Add((code, await WaitForAsync(m => m.IsError, $"an error answering a message that should get {code}")));
        }
        return answers;
    }

    /// <summary>Sends a ping and waits for its pong: the connection is open and answering.</summary>
    public async Task CheckAsync()
    {
        await SendAsync("ping", new { });
        await WaitForAsync(m => m.Type == SocketMessage.Pong, "the pong");
    }

    /// <summary>Waits for the start of the agent's run answering the last message sent.</summary>
    public Task<SocketMessage> WaitForRunStartAsync(TimeSpan? within = null) => WaitForAsync(m => m.IsRunStart, "the start of the agent's run", within);

    /// <summary>Waits for the end of the agent's run (its answer or its failure) to the last message sent.</summary>
    /// <summary>Waits until the agent has finished its tool step (it then waits for the language model: the run is under way).</summary>
    public Task<SocketMessage> WaitForToolStepDoneAsync() => WaitForAsync(SocketMessage.ToolDone);

    public Task<SocketMessage> WaitForRunEndAsync(TimeSpan? within = null) => WaitForAsync(m => m.IsRunEnd, "the end of the agent's run", within);

    /// <summary>Waits for the platform's first word on the last message sent: an error, or an event of the agent's run.</summary>
    public Task<SocketMessage> WaitForFirstWordAsync() => WaitForAsync(m => m.IsError || m.IsRunEvent, "the answer to the message");

    /// <summary>Waits for the end of the run answering the last message sent, and returns the whole run.</summary>
    public async Task<AgentRun> AwaitRunAsync(TimeSpan? within = null)
    {
        await WaitForRunEndAsync(within);
        return AgentRun.From(ReceivedSinceLastSend);
    }

    /// <summary>The account the platform's greeting said the connection belongs to (null if it has not greeted).</summary>
    public string? GreetedAs => Received.FirstOrDefault(m => m.IsGreeting)?.UserId;

    /// <summary>Waits for the platform's greeting and returns the account it says the connection belongs to.</summary>
    public async Task<string?> WaitForGreetingAsync() => (await WaitForAsync(m => m.IsGreeting, "the platform's greeting")).UserId;

    /// <summary>Waits for the platform to refuse the connection's token (an AUTH_FAILED error) and returns what it said.</summary>
    public async Task<string?> WaitForTokenRefusalAsync(TimeSpan? within = null) =>
        (await WaitForAsync(m => m.IsAuthFailure, "the refusal of the token (an AUTH_FAILED error)", within)).ErrorMessage;

    /// <summary>
    /// The platform ends the open connection because its token no longer holds (logout, closed account, reuse of a renewal
    /// token): an authentication error saying why, then a close as a policy violation, within the window given.
    /// </summary>
    public async Task ShouldBeEndedForItsTokenAsync(TimeSpan within, string? saying = null)
    {
        var refusal = await WaitForTokenRefusalAsync(within);
        refusal.Should().NotBeNullOrWhiteSpace("the platform says why it ends the connection");
        if (saying is not null) refusal.Should().MatchRegex(saying, "the refusal says why");
        (await WaitForCloseAsync(within)).Should().Be(WebSocketCloseStatus.PolicyViolation, "the connection is closed as a policy violation");
    }

    /// <summary>Waits for an event of the given type since the last message sent; fails saying what did arrive.</summary>
    public Task<SocketMessage> WaitForAsync(string type, TimeSpan? within = null) =>
        WaitForAsync(e => e.Type == type, $"a '{type}' event", within);

    public async Task<SocketMessage> WaitForAsync(Func<SocketMessage, bool> match, string description, TimeSpan? within = null)
    {
        var wait = within ?? DefaultWait;
        using var timeout = new CancellationTokenSource(wait);
        while (true)
        {
            Task nextArrival;
            lock (_received)
            {
                var found = _received.Skip(_sinceLastSend).FirstOrDefault(match);
                if (found is not null) return found;
                if (_ended) break;
                nextArrival = _nextArrival.Task;
            }
            try { await nextArrival.WaitAsync(timeout.Token); }
            catch (OperationCanceledException) { break; }
        }
        var seen = string.Join(", ", ReceivedSinceLastSend.Select(e => e.Type));
        var closed = _socket.CloseStatus is { } status ? $" The connection was closed ({(int)status} {_socket.CloseStatusDescription})." : "";
        throw new TimeoutException($"Waited {wait.TotalSeconds:0}s for {description} on the chat connection; received: [{seen}].{closed}");
    }

    /// <summary>Waits until the server closes the connection.</summary>
    public async Task<WebSocketCloseStatus?> WaitForCloseAsync(TimeSpan? within = null)
    {
        var finished = await Task.WhenAny(_receiveLoop, Task.Delay(within ?? DefaultWait));
        if (finished != _receiveLoop)
            throw new TimeoutException($"The server did not close the chat connection within {(within ?? DefaultWait).TotalSeconds:0}s.");
        return _socket.CloseStatus;
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, _stop.Token);
                    message.Write(buffer, 0, result.Count);
                } while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _transcript.SocketMessage(_name, "closed by server", $"{(int?)result.CloseStatus} {result.CloseStatusDescription}");
                    // Answer the close, as browsers do, so the server is not left waiting for it (RFC 6455 5.5.1).
                    try { await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed by server", CancellationToken.None); }
                    catch (WebSocketException) { /* the server is already gone */ }
                    break;
                }
                var text = Encoding.UTF8.GetString(message.ToArray());
                _transcript.SocketMessage(_name, "←", text);
                var received = SocketMessage.Parse(text);
                lock (_received)
                {
                    _received.Add(received);
                    Signal();
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            _transcript.SocketMessage(_name, "ended", e.Message);
        }
        finally
        {
            lock (_received)
            {
                _ended = true;
                Signal();
            }
        }
    }

    /// <summary>Wakes every waiter; called under the lock.</summary>
    private void Signal()
    {
        var arrived = _nextArrival;
        _nextArrival = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        arrived.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try { await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "scenario finished", timeout.Token); }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException) { /* already gone */ }
        }
        await _stop.CancelAsync();
        await _receiveLoop;
        _socket.Dispose();
        _stop.Dispose();
    }
}
