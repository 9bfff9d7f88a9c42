using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>The auth service over its REST contract: sign-up, login, who-am-I and changing one's name.</summary>
public sealed class AuthApi(EnvironmentContext environment, ScenarioTranscript transcript, AccountsMade accounts)
    : ServiceDriver(environment.Endpoints.Auth, transcript)
{
    public async Task<ApiResponse> RegisterAsync(string? email, string password, string? name)
    {
        var answer = await SendAsync(new RestRequest("/auth/register", Method.Post).AddJsonBody(new { email, password, name }));
        if (answer.IsSuccess && email is not null) accounts.Made(email, password);
        return answer;
    }

    /// <summary>Signs her up with her own email, password and name; on success she holds the session and her account id.</summary>
    public async Task<ApiResponse> SignUpAsync(Person person)
    {
        var answer = await RegisterAsync(person.Email, person.Password, person.FullName);
        if (answer.IsSuccess)
        {
            person.Session = answer.As<Session>();
            person.UserId = person.Session.UserId;
        }
        return answer;
    }

    public Task<ApiResponse> LoginAsync(string email, string password) =>
        SendAsync(new RestRequest("/auth/login", Method.Post).AddJsonBody(new { email, password }));

    public Task<ApiResponse> MeAsync(string? accessToken) =>
        SendAsync(new RestRequest("/auth/me").WithBearer(accessToken));

    /// <summary>PATCH /auth/me {name}: a stack decision beyond the contract (docs/stack-interface.md).</summary>
    public Task<ApiResponse> ChangeNameAsync(string? accessToken, string name) =>
        SendAsync(new RestRequest("/auth/me", Method.Patch).WithBearer(accessToken).AddJsonBody(new { name }));
}
