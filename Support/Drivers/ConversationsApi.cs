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

    public Task<ApiResponse> MessagesAsync(string? accessToken, string threadId) =>
        SendAsync(new RestRequest($"/api/threads/{Uri.EscapeDataString(threadId)}/messages").WithBearer(accessToken));
}
