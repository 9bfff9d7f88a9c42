using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Netra.Backend.Infrastructure;

namespace Netra.Backend.Agents;

public sealed record LlmUsage(int PromptTokens, int CompletionTokens);

public sealed record LlmAnswer(string Content, LlmUsage Usage);

public enum LlmFailureKind
{
    /// <summary>Could not connect, timed out, or the provider said it is overloaded (429/5xx): try again later.</summary>
    Unavailable,
    /// <summary>The provider answered, but not with something usable.</summary>
    BadResponse,
}

public sealed class LlmProviderException(LlmFailureKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public LlmFailureKind Kind { get; } = kind;
}

/// <summary>Client of the OpenAI-compatible provider: POST {LLM_BASE_URL}/v1/chat/completions.</summary>
public sealed class LlmClient(HttpClient http, BackendSettings settings, ILogger<LlmClient> logger)
{
    /// <summary>
    /// One completion for (role, content) messages, in order. <paramref name="endUserId"/> goes in OpenAI's
    /// <c>user</c> field (the end user on whose behalf the call is made; the provider may use it for abuse
    /// monitoring, and a test double to tell one user's calls from another's).
    /// </summary>
    public async Task<LlmAnswer> CompleteAsync(IReadOnlyList<(string Role, string Content)> messages, string endUserId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{settings.LlmBaseUrl}/v1/chat/completions")
        {
            // Serialized up front so that the request carries a Content-Length (no chunked body for simple providers).
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new
            {
                model = settings.LlmModel,
                messages = messages.Select(m => new { role = m.Role, content = m.Content }),
                user = endUserId,
            }))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
            },
        };
        if (settings.LlmApiKey is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.LlmApiKey);

        // The timeout is our own token rather than HttpClient.Timeout, so that it can be told apart
        // from the caller cancelling (client gone, server stopping).
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.LlmTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                logger.LogWarning("LLM provider answered {Status}", status);
                throw response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500
                    ? new LlmProviderException(LlmFailureKind.Unavailable, $"The language model provider is unavailable (HTTP {status}).")
                    : new LlmProviderException(LlmFailureKind.BadResponse, $"The language model provider rejected the request (HTTP {status}).");
            }

            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            return Parse(body);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("LLM provider did not answer within {Timeout}s", settings.LlmTimeout.TotalSeconds);
            throw new LlmProviderException(LlmFailureKind.Unavailable,
                $"The language model provider did not answer within {settings.LlmTimeout.TotalSeconds:0.#} seconds.");
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("LLM provider unreachable: {Error} {Cause}", ex.Message, ex.InnerException?.Message);
            throw new LlmProviderException(LlmFailureKind.Unavailable, "The language model provider could not be reached.", ex);
        }
    }

    private static LlmAnswer Parse(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var content = root.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
            if (string.IsNullOrEmpty(content))
                throw new LlmProviderException(LlmFailureKind.BadResponse, "The language model provider returned an empty answer.");

            int prompt = 0, completion = 0;
            if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
            {
                if (usage.TryGetProperty("prompt_tokens", out var p) && p.TryGetInt32(out var pv)) prompt = pv;
                if (usage.TryGetProperty("completion_tokens", out var c) && c.TryGetInt32(out var cv)) completion = cv;
            }
            return new LlmAnswer(content, new LlmUsage(prompt, completion));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new LlmProviderException(LlmFailureKind.BadResponse, "The language model provider returned a malformed answer.", ex);
        }
    }
}
