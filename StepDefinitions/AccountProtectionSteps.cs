using System.Net;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>The lockout after repeated wrong passwords, and the password policy at sign-up.</summary>
[Binding]
public sealed class AccountProtectionSteps(People people, AuthApi auth, SecurityTrial trial)
{
    [When("someone tries {int} wrong passwords for {word}'s account")]
    public async Task TriesWrongPasswords(int attempts, string alias)
    {
        var person = people[alias];
        for (var i = 1; i <= attempts; i++)
        {
            var answer = await auth.LoginAsync(person.Email, $"{person.Password}-guess{i}");
            answer.Status.Should().Be(HttpStatusCode.Unauthorized, $"wrong guess {i} of {attempts} is an ordinary refusal");
        }
    }

    [Then("even {word}'s own password is refused for now, saying when to try again")]
    public async Task LockedOut(string alias)
    {
        var person = people[alias];
        var answer = await auth.LoginAsync(person.Email, person.Password);
        answer.Status.Should().Be(HttpStatusCode.TooManyRequests, "the account is locked after repeated wrong passwords, even for the right one");
        answer["access_token"].Should().BeNull();
        answer.Headers.Should().ContainKey("Retry-After");
        int.Parse(answer.Headers["Retry-After"]).Should().BePositive("the answer says when to try again");
        answer.Detail.Should().MatchRegex("(?i)try again", "the refusal says the account is locked for a while");
        trial.Refusal = answer;
    }

    [Then("once that time has passed {word} can log in again")]
    public async Task CanLogInAgainLater(string alias)
    {
        var person = people[alias];
        var wait = TimeSpan.FromSeconds(int.Parse(trial.Refusal!.Headers["Retry-After"]));
        wait.Should().BeLessThan(TimeSpan.FromSeconds(30), "the test stack is configured with a short lockout (LOGIN_LOCKOUT_MINUTES)");
        var deadline = DateTime.UtcNow + wait + TimeSpan.FromSeconds(2);
        ApiResponse answer;
        do
        {
            answer = await auth.LoginAsync(person.Email, person.Password);
            if (answer.IsSuccess) break;
            answer.Status.Should().Be(HttpStatusCode.TooManyRequests, "until the lock has passed she is told to wait, nothing else");
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        answer.IsSuccess.Should().BeTrue($"the lock lasts only as long as the service said ({wait.TotalSeconds:0}s), but it answered {answer.Status}: {answer.Detail}");
    }

    [When("{word} tries to sign up with the password {string}")]
    public async Task SignsUpWithPassword(string alias, string password)
    {
        var person = people[alias];
        person.LastRefusal = await auth.RegisterAsync(person.Email, password, person.FullName);
    }

    [Then("{word}'s sign-up is refused because the password {}")]
    public void RefusedForTheRule(string alias, string rule)
    {
        var refusal = people[alias].LastRefusal!;
        refusal.Status.Should().Be(HttpStatusCode.UnprocessableEntity, $"a weak password must be refused: {refusal.Detail}");
        refusal.Detail.Should().ContainEquivalentOf(rule, "the refusal names the rule the password broke");
    }
}
