using System.Text.Json.Nodes;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>One message from the chat socket: the contract's envelope {type, payload, timestamp}.</summary>
public sealed record AgentEvent(string Type, JsonObject Payload, string Raw)
{
    public string? this[string property] => Payload[property]?.ToString();

    public static AgentEvent Parse(string text)
    {
        var envelope = JsonNode.Parse(text) as JsonObject
            ?? throw new FormatException($"A chat socket message is not a JSON object: {text}");
        var type = envelope["type"]?.GetValue<string>()
            ?? throw new FormatException($"A chat socket message has no type: {text}");
        return new AgentEvent(type, envelope["payload"] as JsonObject ?? [], text);
    }

    /// <summary>The agent events of one run, in the order the contract requires.</summary>
    public static readonly string[] RunEventTypes =
        ["agent_started", "agent_thinking", "tool_executing", "tool_completed", "agent_completed", "agent_error"];
}
