using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>
/// The auth service's session calls, in tasks: renew her session (rotation), log her out, close her account.
/// A task that must work fails the step with the service's answer; a <c>TryTo…</c> keeps the answer as her attempt.
/// </summary>
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

    /// <summary>Renews her session with her renewal token; she then holds the new one, and the old one is her earlier session.</summary>
    public async Task<Session> RenewAsync(Person person)
    {
        var session = person.Session ?? throw new InvalidOperationException($"{person.Alias} is not signed in.");
        var answer = await RefreshAsync(session.RefreshToken);
        answer.ShouldSucceed($"{person.Alias}'s renewal token must renew her session");
        person.EarlierSession = session;
        return person.Session = answer.As<Session>();
    }

    /// <summary>Tries to renew one of her sessions (an earlier or ended one); the answer is kept as her attempt.</summary>
    public async Task<Attempt> TryToRenewAsync(Person person, Session session, string what) =>
        person.LastAttempt = new Attempt(what, await RefreshAsync(session.RefreshToken));

    /// <summary>
    /// Logs her out, with her access token alone (the contract's renewal token is optional there: the whole session must
    /// end, not only the token shown) or with both. Her ended session is kept, to prove it stays ended.
    /// </summary>
    public async Task LogOutAsync(Person person, bool showingRenewalToken = false)
    {
        var session = person.Session ?? throw new InvalidOperationException($"{person.Alias} is not signed in.");
        (await LogoutAsync(session.AccessToken, showingRenewalToken ? session.RefreshToken : null))
            .ShouldSucceed($"{person.Alias} logs out");
        person.EndedSession = session;
    }

    /// <summary>Closes her account; nothing of hers is left for the run to clean up.</summary>
    public async Task CloseAccountAsync(Person person)
    {
        (await DeleteAccountAsync(person.AccessToken)).ShouldBeDoneQuietly($"{person.Alias} closes her account");
        person.AccountClosed = true;
    }
}
