using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Netra.LlmProvider;

/// <summary>
/// POST /v1/chat/completions in OpenAI's request and response shapes. The answer is a pure function of the
/// messages: it quotes the last user message (so a test can tell which question was answered) and, if a
/// tool result is present, says one sentence about it.
/// </summary>
public static partial class ChatCompletions
{
    public const string DefaultModel = "netra-standin";

    /// <summary>The default answer to POST /v1/chat/completions: (status, JSON body) for the Authorization header and body.</summary>
    public static (int Status, string Json) Respond(string? authorization, string? requestBody)
    {
        var auth = authorization ?? "";
        if (!auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || auth[7..].Trim().Length == 0)
            return OpenAiError.Result(401, "You didn't provide an API key. Send it as 'Authorization: Bearer <key>'.",
                code: "invalid_api_key");

        JsonElement body;
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrEmpty(requestBody) ? "null" : requestBody);
            body = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return OpenAiError.Result(400, $"We could not parse the JSON body of your request: {ex.Message}");
        }
        if (body.ValueKind != JsonValueKind.Object)
            return OpenAiError.Result(400, "The request body must be a JSON object.");
        if (body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
            return OpenAiError.Result(400, "stream=true is not supported by the stand-in.", param: "stream");

        var model = body.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : DefaultModel;
        if (!body.TryGetProperty("messages", out var messagesJson) || messagesJson.ValueKind != JsonValueKind.Array
            || messagesJson.GetArrayLength() == 0)
            return OpenAiError.Result(400, "'messages' must be a non-empty array.", param: "messages");

        var messages = new List<(string Role, string Content)>();
        foreach (var msg in messagesJson.EnumerateArray())
        {
            if (msg.ValueKind != JsonValueKind.Object || !msg.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String)
                return OpenAiError.Result(400, "Each message must be an object with a string 'role'.", param: "messages");
            messages.Add((role.GetString()!, ContentText(msg)));
        }

        var answer = Answer(messages);
        var promptTokens = messages.Sum(x => CountWords(x.Content));
        var completionTokens = CountWords(answer);
        return (200, Completion(model, answer, promptTokens, completionTokens));
    }

    /// <summary>OpenAI's chat.completion body with one choice.</summary>
    public static string Completion(string model, string answer, int promptTokens, int completionTokens) =>
        JsonSerializer.Serialize(new
        {
            id = $"chatcmpl-{Guid.NewGuid():N}",
            @object = "chat.completion",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model,
            choices = new[]
            {
                new { index = 0, message = new { role = "assistant", content = answer }, finish_reason = "stop" },
            },
            usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
        });

    public static string Answer(IReadOnlyList<(string Role, string Content)> messages)
    {
        var question = messages.LastOrDefault(x => x.Role == "user").Content ?? "";
        var text = new StringBuilder()
            .Append($"Based on your question \"{question}\", here is my analysis: ")
            .Append("the biggest gains usually come from measuring current cost, latency and quality first, ")
            .Append("then changing one thing at a time.");

        // A tool result arrives as a "tool" message, or as a system message that reports one.
        var toolResult = messages.LastOrDefault(x => x.Role == "tool" && x.Content.Length > 0).Content
            ?? messages.LastOrDefault(x => x.Role == "system" && x.Content.Contains("tool", StringComparison.OrdinalIgnoreCase)).Content;
        if (toolResult is not null)
            text.Append($" The tool result ({Shorten(toolResult)}) supports starting with the largest item it reports.");
        return text.ToString();
    }

    /// <summary>"content" is a string, an array of parts ({type:"text",text}) or null.</summary>
    private static string ContentText(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content)) return "";
        return content.ValueKind switch
        {
            JsonValueKind.String => content.GetString()!,
            JsonValueKind.Array => string.Join(" ", content.EnumerateArray()
                .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                .Select(p => p.GetProperty("text").GetString())),
            _ => "",
        };
    }

    private static int CountWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Shorten(string text)
    {
        var flat = Whitespace().Replace(text, " ").Trim();
        return flat.Length <= 200 ? flat : flat[..200] + "...";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>OpenAI's error body: {"error":{"message","type","param","code"}}.</summary>
public static class OpenAiError
{
    public static (int Status, string Json) Result(int status, string message, string? param = null, string? code = null) =>
        (status, JsonSerializer.Serialize(new
        {
            error = new
            {
                message,
                type = status == 401 ? "invalid_request_error" : status >= 500 ? "server_error" : "invalid_request_error",
                param,
                code,
            },
        }));
}
