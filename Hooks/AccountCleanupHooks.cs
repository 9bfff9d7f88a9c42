using Netra.Acceptance.Support.Stack;

namespace Netra.Acceptance.Hooks;

/// <summary>
/// On an environment the suite did not start, every account a scenario created is closed at the end of the
/// scenario (which removes what it made there too), so a staging or production run leaves no test users behind.
/// What was created and whether each was closed goes into the run's summary (accounts.txt and the console).
/// On the suite's own stack nothing needs cleaning: the stack goes away with the run.
/// </summary>
[Binding]
public sealed class AccountCleanupHooks(
    EnvironmentContext environment, People people, AccountsMade accountsMade, AuthApi auth, SessionApi sessions, GoogleSignIn google)
{
    // After the evidence (Order 0) has looked at the accounts, and after services are back (disruptive hooks).
    [AfterScenario(Order = 1000)]
    public async Task CloseTheScenariosAccounts()
    {
        if (environment.Environment.IsLocal) return;
        var made = accountsMade.All.ToDictionary(a => a.Email, a => a.Password, StringComparer.OrdinalIgnoreCase);
        foreach (var person in people.All)
        {
            var madeWith = made.GetValueOrDefault(person.Email);
            made.Remove(person.Email);
            if (person.AccountClosed) TestRun.Accounts.Closed(person.Email);
            // Every person of the scenario is tried: one who signed up in the browser or with Google has no password sign-up here.
            else await CloseAsync(person.Email, madeWith ?? person.Password, person,
                known: madeWith is not null || person.UserId is not null || person.Session is not null);
        }
        foreach (var (email, password) in made) await CloseAsync(email, password, person: null, known: true);
    }

    private async Task CloseAsync(string email, string password, Person? person, bool known)
    {
        try
        {
            if (await WorkingTokenAsync(email, password, person) is not { } token)
            {
                if (known)
                    TestRun.Accounts.NotClosed(email, "the suite could not sign in to close it: its session has ended, " +
                                                      "and neither its password nor a Google sign-in opens it");
                return; // no account was ever made for her
            }
            var closed = await sessions.DeleteAccountAsync(token);
            if (closed.IsSuccess) TestRun.Accounts.Closed(email);
            else TestRun.Accounts.NotClosed(email, $"closing it was answered {closed.Describe()}");
        }
        catch (Exception e)
        {
            TestRun.Accounts.NotClosed(email, e.Message);
        }
    }

    /// <summary>A token that works: her session's, a renewal of it, a login with the password, or a new Google sign-in.</summary>
    private async Task<string?> WorkingTokenAsync(string email, string password, Person? person)
    {
        if (person?.Session is { } session && (await auth.MeAsync(session.AccessToken)).IsSuccess)
            return session.AccessToken;
        if (person?.Session is { RefreshToken.Length: > 0 } renewable && await sessions.RefreshAsync(renewable.RefreshToken) is { IsSuccess: true } renewed)
            return renewed["access_token"];
        if (await auth.LoginAsync(email, password) is { IsSuccess: true } login)
            return login["access_token"];
        if (person is { SignedInWithGoogle: true } && (await google.SignInAsync(email, person.FullName)).Outcome is { SignedIn: true, AccessToken: { } token })
            return token;
        return null;
    }
}
