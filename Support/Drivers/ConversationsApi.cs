using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>The backend's stored conversations (threads and their messages).</summary>
public sealed class ConversationsApi(EnvironmentContext environment, ScenarioTranscript transcript)
    : ServiceDriver(environment.Endpoints.Backend, transcript)
{
    public Task<ApiResponse> CreateAsync(string? accessToken, string title) =>
        SendAsync(new RestRequest("/api/threads", Method.Post).WithBearer(accessToken).AddJsonBody(new { title }));

    public Task<ApiResponse> ThreadsAsync(string? accessToken) =>
        SendAsync(new RestRequest("/api/threads").WithBearer(accessToken));

    public Task<ApiResponse> ThreadAsync(string? accessToken, string threadId) =>
        SendAsync(new RestRequest($"/api/threads/{Uri.EscapeDataString(threadId)}").WithBearer(accessToken));

    public Task<ApiResponse> DeleteAsync(string? accessToken, string threadId) =>
        SendAsync(new RestRequest($"/api/threads/{Uri.EscapeDataString(threadId)}", Method.Delete).WithBearer(accessToken));

    /// <summary>Her conversations as the platform lists them; fails the step if it does not.</summary>
    public async Task<IReadOnlyList<Conversation>> ConversationsOfAsync(Person person) =>
        (await ThreadsAsync(person.AccessToken)).ShouldSucceed($"{person.Alias}'s conversations are listed").As<List<Conversation>>();

    /// <summary>What the platform keeps of one of her conversations, in order; fails the step if it does not open.</summary>
    public async Task<IReadOnlyList<KeptMessage>> KeptInAsync(Person person, string threadId) =>
        (await MessagesAsync(person.AccessToken, threadId)).ShouldSucceed("the conversation opens").As<ConversationMessages>().Messages ?? [];

    public Task<ApiResponse> MessagesAsync(string? accessToken, string threadId) =>
        SendAsync(new RestRequest($"/api/threads/{Uri.EscapeDataString(threadId)}/messages").WithBearer(accessToken));
}

/// <summary>A conversation as the platform lists it.</summary>
public sealed record Conversation(string Id, string? Title, int MessageCount);

public sealed record ConversationMessages(List<KeptMessage>? Messages);

/// <summary>One message the platform keeps in a conversation: hers (a question) or the agent's (an answer).</summary>
public sealed record KeptMessage(string? Role, string? Content)
{
    public static KeptMessage Question(string? text) => new("user", text);
    public static KeptMessage Answer(string? text) => new("assistant", text);
}
