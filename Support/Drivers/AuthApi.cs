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
    public async Task<Session> LogInAsync(Person person) => person.Session = await OpenAnotherSessionAsync(person);

    /// <summary>Logs her in once more, as from another device: a session of its own, while she keeps the one she holds.</summary>
    public async Task<Session> OpenAnotherSessionAsync(Person person) =>
        (await LoginAsync(person.Email, person.Password)).ShouldSucceed($"{person.Alias} logs in with the password she signed up with").As<Session>();

    /// <summary>Tries to log her in with another email or password; the answer is kept as her attempt.</summary>
    public async Task<Attempt> TryToLogInAsync(Person person, string what, string email, string password) =>
        person.LastAttempt = new Attempt($"{person.Alias}'s login {what}", await LoginAsync(email, password));

    /// <summary>Someone guesses her password wrong, so many times; each guess is an ordinary refusal.</summary>
    public async Task GuessHerPasswordWrongAsync(Person person, int times)
    {
        for (var i = 1; i <= times; i++)
            (await LoginAsync(person.Email, $"{person.Password}-guess{i}")).ShouldBeRefused(Refusal.NotSignedIn, $"wrong guess {i} of {times} is an ordinary refusal");
    }

    /// <summary>
    /// Logs her in as soon as the wait she was last told (<see cref="Person.AnnouncedWaitSeconds"/>) has passed, and no later
    /// than two seconds after it; until then she may only be told to wait. She then holds the new session.
    /// </summary>
    public async Task<Session> LogInOnceTheWaitHasPassedAsync(Person person)
    {
        var wait = TimeSpan.FromSeconds(person.AnnouncedWaitSeconds ?? throw new InvalidOperationException($"{person.Alias} was told no wait."));
        wait.Should().BeLessThan(TimeSpan.FromSeconds(30), "the test stack is configured with a short lockout (LOGIN_LOCKOUT_MINUTES)");
        var answer = await Eventually.UntilAsync(() => LoginAsync(person.Email, person.Password),
            a => !a.IsRefusedAs(Refusal.TooMany), wait + TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(200));
        answer.ShouldSucceed($"the lock lasts only as long as the service said ({wait.TotalSeconds:0}s), and until then she is told to wait, nothing else");
        return person.Session = answer.As<Session>();
    }

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

    /// <summary>Changes her name in her account; she is then known by it. Returns her account as the service answered it.</summary>
    public async Task<Account> ChangeNameAsync(Person person, string name)
    {
        var account = (await ChangeNameAsync(person.AccessToken, name)).ShouldSucceed($"the sign-in service changes {person.Alias}'s name").As<Account>();
        person.Name = name;
        return account;
    }

    /// <summary>Tries to change her name in her account; the answer is kept as her attempt.</summary>
    public async Task<Attempt> TryToChangeNameAsync(Person person, string name) =>
        person.LastAttempt = new Attempt($"{person.Alias}'s name change in her account", await ChangeNameAsync(person.AccessToken, name));
}
