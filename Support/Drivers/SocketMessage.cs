using System.Text.Json.Nodes;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>
/// One message from the chat socket: the contract's envelope {type, payload, timestamp}. Every message is one,
/// the platform's greeting, errors and pongs as much as the agent's events. Steps ask it questions
/// (<see cref="IsRunEnd"/>, <see cref="ErrorCode"/>); the contract's type and field names live here.
/// </summary>
public sealed record SocketMessage(string Type, JsonObject Payload, string Raw)
{
    public string? this[string property] => Payload[property]?.ToString();

    public static SocketMessage Parse(string text)
    {
        var envelope = JsonNode.Parse(text) as JsonObject
            ?? throw new FormatException($"A chat socket message is not a JSON object: {text}");
        var type = envelope["type"]?.GetValue<string>()
            ?? throw new FormatException($"A chat socket message has no type: {text}");
        return new SocketMessage(type, envelope["payload"] as JsonObject ?? [], text);
    }

    // The contract's message types (docs: netra-contract.md, "WebSocket").
    public const string Greeting = "connection_established";
    public const string Error = "error";
    public const string Pong = "pong";
    public const string RunStarted = "agent_started";
    public const string Thinking = "agent_thinking";
    public const string ToolRunning = "tool_executing";
    public const string ToolDone = "tool_completed";
    public const string RunCompleted = "agent_completed";
    public const string RunFailed = "agent_error";

    /// <summary>The agent events of one run, in the order the contract requires.</summary>
    public static readonly string[] RunEventTypes = [RunStarted, Thinking, ToolRunning, ToolDone, RunCompleted, RunFailed];

    public bool IsGreeting => Type == Greeting;
    public bool IsError => Type == Error;
    public bool IsRunStart => Type == RunStarted;
    public bool IsRunEnd => Type is RunCompleted or RunFailed;
    public bool IsRunEvent => RunEventTypes.Contains(Type);
    public bool IsAnswer => Type == RunCompleted;

    /// <summary>The refusal of a token or of a message: an error naming the contract's code.</summary>
    public bool IsErrorCoded(string code) => IsError && ErrorCode == code;

    public const string AuthFailed = "AUTH_FAILED";
    public const string RateLimited = "RATE_LIMITED";
    public bool IsAuthFailure => IsErrorCoded(AuthFailed);
    public bool IsRateLimit => IsErrorCoded(RateLimited);

    public string? ErrorCode => IsError ? this["code"] : null;
    public string? ErrorMessage => IsError ? this["message"] : null;
    public int? RetryAfterSeconds => int.TryParse(this["retry_after"], out var s) ? s : null;

    /// <summary>The account a greeting says the connection belongs to.</summary>
    public string? UserId => this["user_id"];
    public string? ThreadId => this["thread_id"];
    public string? RunId => this["run_id"];
    public string? AgentName => this["agent_name"];
    public string? ToolName => this["tool_name"];

    /// <summary>The tokens the model used, as a completed run reports them.</summary>
    public TokenUsage? Usage => Payload["usage"] is { } usage
        ? new TokenUsage(usage["prompt_tokens"]?.GetValue<int>() ?? 0, usage["completion_tokens"]?.GetValue<int>() ?? 0)
        : null;

    /// <summary>The answer's text, when the run completed.</summary>
    public string? AnswerText => IsAnswer ? Payload["result"]?["content"]?.ToString() : null;

    public override string ToString() => Raw;
}
