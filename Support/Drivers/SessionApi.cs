using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>The auth service's session calls: refresh (rotation), logout and closing the account.</summary>
public sealed class SessionApi(EnvironmentContext environment, ScenarioTranscript transcript)
    : ServiceDriver(environment.Endpoints.Auth, transcript)
{
    public Task<ApiResponse> RefreshAsync(string refreshToken) =>
        SendAsync(new RestRequest("/auth/refresh", Method.Post).AddJsonBody(new { refresh_token = refreshToken }));

    public Task<ApiResponse> LogoutAsync(string accessToken, string? refreshToken) =>
        SendAsync(new RestRequest("/auth/logout", Method.Post).WithBearer(accessToken)
            .AddJsonBody<object>(refreshToken is null ? new { } : new { refresh_token = refreshToken }));

    public Task<ApiResponse> DeleteAccountAsync(string accessToken) =>
        SendAsync(new RestRequest("/auth/account", Method.Delete).WithBearer(accessToken));
}
