using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>The auth service over its REST contract: sign-up, login and who-am-I.</summary>
public sealed class AuthApi(EnvironmentContext environment, ScenarioTranscript transcript) : IDisposable
{
    private readonly RestClient _client = ServiceClient.For(environment.Endpoints.Auth, transcript);

    public Task<ApiResponse> RegisterAsync(string email, string password, string? name) =>
        SendAsync(new RestRequest("/auth/register", Method.Post).AddJsonBody(new { email, password, name }));

    public Task<ApiResponse> LoginAsync(string email, string password) =>
        SendAsync(new RestRequest("/auth/login", Method.Post).AddJsonBody(new { email, password }));

    public Task<ApiResponse> RefreshAsync(string refreshToken) =>
        SendAsync(new RestRequest("/auth/refresh", Method.Post).AddJsonBody(new { refresh_token = refreshToken }));

    public Task<ApiResponse> LogoutAsync(string accessToken, string? refreshToken) =>
        SendAsync(new RestRequest("/auth/logout", Method.Post).WithBearer(accessToken).AddJsonBody(new { refresh_token = refreshToken }));

    public Task<ApiResponse> MeAsync(string? accessToken) =>
        SendAsync(new RestRequest("/auth/me").WithBearer(accessToken));

    private async Task<ApiResponse> SendAsync(RestRequest request) => ApiResponse.From(await _client.ExecuteAsync(request));

    public void Dispose() => _client.Dispose();
}
