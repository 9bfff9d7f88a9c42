using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>The auth service over its REST contract: sign-up, login and who-am-I.</summary>
public sealed class AuthApi(EnvironmentContext environment, ScenarioTranscript transcript)
    : ServiceDriver(environment.Endpoints.Auth, transcript)
{
    public Task<ApiResponse> RegisterAsync(string email, string password, string? name) =>
        SendAsync(new RestRequest("/auth/register", Method.Post).AddJsonBody(new { email, password, name }));

    public Task<ApiResponse> LoginAsync(string email, string password) =>
        SendAsync(new RestRequest("/auth/login", Method.Post).AddJsonBody(new { email, password }));

    public Task<ApiResponse> MeAsync(string? accessToken) =>
        SendAsync(new RestRequest("/auth/me").WithBearer(accessToken));
}
