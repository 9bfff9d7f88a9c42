using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>The auth service's session calls: refresh (rotation), logout and closing the account.</summary>
public sealed class SessionApi(EnvironmentContext environment, ScenarioTranscript transcript) : IDisposable
{
    private readonly RestClient _client = ServiceClient.For(environment.Endpoints.Auth, transcript);

    public Task<ApiResponse> RefreshAsync(string refreshToken) =>
        SendAsync(new RestRequest("/auth/refresh", Method.Post).AddJsonBody(new { refresh_token = refreshToken }));

    public Task<ApiResponse> LogoutAsync(string accessToken, string? refreshToken) =>
        SendAsync(new RestRequest("/auth/logout", Method.Post).WithBearer(accessToken)
            .AddJsonBody<object>(refreshToken is null ? new { } : new { refresh_token = refreshToken }));

    public Task<ApiResponse> DeleteAccountAsync(string accessToken) =>
        SendAsync(new RestRequest("/auth/account", Method.Delete).WithBearer(accessToken));

    private async Task<ApiResponse> SendAsync(RestRequest request) => ApiResponse.From(await _client.ExecuteAsync(request));

    public void Dispose() => _client.Dispose();
}
