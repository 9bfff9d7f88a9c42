using System.Security.Claims;
using Netra.Backend.Agents;
using Netra.Backend.Auth;
using Netra.Backend.Infrastructure;

namespace Netra.Backend.Chat;

public static class ChatEndpoints
{
    public sealed record ChatResponseBody(string AgentName, string Content);

    public sealed record ChatMessageResponse(string MessageId, string ThreadId, string RunId, ChatResponseBody Response, LlmUsage Usage);

    public static void MapChatEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/chat/message", SendMessage).RequireAuthorization();
    }

    /// <summary>A full agent run over REST: answers once the run has ended.</summary>
    private static async Task<IResult> SendMessage(HttpRequest request, ClaimsPrincipal user, AgentRunner runner, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(request);
        if (!body.Ok) return body.Error!;

        if (!body.Body.TryGetProperty("message", out _)) return Problems.Validation("Field 'message' is required.");
        var (message, error) = JsonBody.OptionalString(body.Body, "message", prose: true);
        error ??= ChatInput.Validate(message);
        if (error is not null) return Problems.Validation(error);

        var (threadId, threadError) = JsonBody.OptionalString(body.Body, "thread_id");
        if (threadError is not null) return Problems.Validation(threadError);

        var outcome = await runner.RunAsync(user.UserId(), message!, string.IsNullOrEmpty(threadId) ? null : threadId, NullEventSink.Instance, ct);
        if (outcome.Success is { } s)
            return Results.Ok(new ChatMessageResponse(s.MessageId, s.ThreadId, s.RunId, new ChatResponseBody(s.AgentName, s.Content), s.Usage));

        var f = outcome.Failure!;
        var status = f.Kind switch
        {
            AgentFailureKind.ThreadNotFound => StatusCodes.Status404NotFound,
            AgentFailureKind.ThreadDeletedDuringRun => StatusCodes.Status409Conflict,
            AgentFailureKind.ProviderUnavailable or AgentFailureKind.StorageUnavailable => StatusCodes.Status503ServiceUnavailable,
            AgentFailureKind.ProviderBadResponse => StatusCodes.Status502BadGateway,
            _ => StatusCodes.Status500InternalServerError,
        };
        return Problems.Create(status, $"{f.Error} {f.Suggestion}");
    }
}
