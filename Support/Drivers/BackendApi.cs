using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>The backend over its REST contract: the user's profile and chat.</summary>
public sealed class BackendApi(EnvironmentContext environment, ScenarioTranscript transcript)
    : ServiceDriver(environment.Endpoints.Backend, transcript)
{
    public Task<ApiResponse> ProfileAsync(string? accessToken) =>
        SendAsync(new RestRequest("/api/v1/users/profile").WithBearer(accessToken));

    public Task<ApiResponse> ChangeNameAsync(string? accessToken, string name) =>
        SendAsync(new RestRequest("/api/v1/users/profile", Method.Patch).WithBearer(accessToken).AddJsonBody(new { name }));

    public Task<ApiResponse> SendChatMessageAsync(string? accessToken, string message, string? threadId = null) =>
        SendAsync(new RestRequest("/api/v1/chat/message", Method.Post).WithBearer(accessToken)
            .AddJsonBody(new { message, thread_id = threadId }));

    /// <summary>The backend's readiness, with the state of each dependency (for operators and load balancers).</summary>
    /// <summary>Sends a chat message whose body is given as it is (JSON or not).</summary>
    public Task<ApiResponse> SendRawChatMessageAsync(string? accessToken, string body) =>
        SendAsync(new RestRequest("/api/v1/chat/message", Method.Post).WithBearer(accessToken).AddStringBody(body, ContentType.Json));

    public Task<ApiResponse> ReadinessAsync() => SendAsync(new RestRequest("/health/ready"));

    /// <summary>
    /// The contract promises a new user is visible in the backend within one second of signing up;
    /// this waits for that (and no longer), returning the last answer either way.
    /// </summary>
    public async Task<ApiResponse> ProfileWhenKnownAsync(string accessToken, TimeSpan within)
    {
        // Polling: the backend offers no notification of a user's arrival.
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var profile = await ProfileAsync(accessToken);
            if (profile.IsSuccess || DateTime.UtcNow >= deadline) return profile;
            await Task.Delay(50);
        }
    }
}
