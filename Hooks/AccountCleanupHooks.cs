using Netra.Acceptance.Support.Stack;

namespace Netra.Acceptance.Hooks;

/// <summary>
/// On an environment the suite did not start, every account a scenario created is closed at the end of the
/// scenario (which removes what it made there too), so a staging or production run leaves no test users behind.
/// What was created and whether each was closed goes into the run's summary (accounts.txt and the console).
/// On the suite's own stack nothing needs cleaning: the stack goes away with the run.
/// </summary>
[Binding]
public sealed class AccountCleanupHooks(EnvironmentContext environment, People people, AuthApi auth, SessionApi sessions)
{
    // After the evidence (Order 0) has looked at the accounts, and after services are back (disruptive hooks).
    [AfterScenario(Order = 1000)]
    public async Task CloseTheScenariosAccounts()
    {
        if (environment.Environment.IsLocal) return;
        foreach (var person in people.All.Where(p => p.UserId is not null))
        {
            try
            {
                var token = person.Session?.AccessToken;
                if (token is null || !(await auth.MeAsync(token)).IsSuccess)
                {
                    var login = await auth.LoginAsync(person.Email, person.Password);
                    if (!login.IsSuccess)
                    {
                        // Already closed by the scenario (login refused as invalid), or not closable by the suite.
                        if (login.Status == System.Net.HttpStatusCode.Unauthorized) { TestRun.Accounts.Closed(person.Email); continue; }
                        TestRun.Accounts.NotClosed(person.Email, $"could not sign in to close it: {login.Describe()}");
                        continue;
                    }
                    token = login["access_token"];
                }
                var closed = await sessions.DeleteAccountAsync(token!);
                if (closed.IsSuccess) TestRun.Accounts.Closed(person.Email);
                else TestRun.Accounts.NotClosed(person.Email, $"closing it was answered {closed.Describe()}");
            }
            catch (Exception e)
            {
                TestRun.Accounts.NotClosed(person.Email, e.Message);
            }
        }
    }
}
