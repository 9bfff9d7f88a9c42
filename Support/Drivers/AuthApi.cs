using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>
/// The auth service over its REST contract, in tasks: sign her up, log her in, read her account, change her name.
/// A task that must work fails the step with the service's answer; a <c>TryTo…</c> keeps the answer as her attempt.
/// </summary>
public sealed class AuthApi(EnvironmentContext environment, ScenarioTranscript transcript, AccountsMade accounts)
    : ServiceDriver(environment.Endpoints.Auth, transcript)
{
    public async Task<ApiResponse> RegisterAsync(string? email, string password, string? name)
    {
        var answer = await SendAsync(new RestRequest("/auth/register", Method.Post).AddJsonBody(new { email, password, name }));
        if (answer.IsSuccess && email is not null) accounts.Made(email, password);
        return answer;
    }

    /// <summary>Signs her up with her own email, password and name; she then holds the session and her account id.</summary>
    public async Task<Session> SignUpAsync(Person person)
    {
        var answer = await RegisterAsync(person.Email, person.Password, person.FullName);
        answer.ShouldSucceed($"{person.Alias} signs up with a fresh email and a strong password");
        person.Session = answer.As<Session>();
        person.UserId = person.Session.UserId;
        return person.Session;
    }

    /// <summary>Tries to sign her up with other details than her own; the answer is kept as her attempt.</summary>
    public async Task<Attempt> TryToSignUpAsync(Person person, string what, string? email, string password) =>
        person.LastAttempt = new Attempt($"{person.Alias}'s sign-up {what}", await RegisterAsync(email, password, person.FullName));

    /// <summary>Logs her in with her own password; she then holds the new session.</summary>
    public async Task<Session> LogInAsync(Person person)
    {
        var answer = await LoginAsync(person.Email, person.Password);
        answer.ShouldSucceed($"{person.Alias} logs in with the password she signed up with");
        return person.Session = answer.As<Session>();
    }

    /// <summary>Tries to log her in with another email or password; the answer is kept as her attempt.</summary>
    public async Task<Attempt> TryToLogInAsync(Person person, string what, string email, string password) =>
        person.LastAttempt = new Attempt($"{person.Alias}'s login {what}", await LoginAsync(email, password));

    public Task<ApiResponse> LoginAsync(string email, string password) =>
        SendAsync(new RestRequest("/auth/login", Method.Post).AddJsonBody(new { email, password }));

    public Task<ApiResponse> MeAsync(string? accessToken) =>
        SendAsync(new RestRequest("/auth/me").WithBearer(accessToken));

    /// <summary>Her account as the sign-in service knows it; fails the step if it does not accept her token.</summary>
    public async Task<Account> AccountOfAsync(Person person) =>
        (await MeAsync(person.AccessToken)).ShouldSucceed($"the sign-in service must accept {person.Alias}'s own token").As<Account>();

    /// <summary>PATCH /auth/me {name}: a stack decision beyond the contract (docs/stack-interface.md).</summary>
    public Task<ApiResponse> ChangeNameAsync(string? accessToken, string name) =>
        SendAsync(new RestRequest("/auth/me", Method.Patch).WithBearer(accessToken).AddJsonBody(new { name }));
}
