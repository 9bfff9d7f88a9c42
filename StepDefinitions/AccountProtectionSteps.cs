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

    [When("{word} tries to sign up with a strong password of {int} characters")]
    public Task SignsUpWithALongPassword(string alias, int length) => SignsUpWithPassword(alias, StrongPassword(length));

    [Then("{word} can sign up with a strong password of exactly {int} characters")]
    public async Task CanSignUpWithALongPassword(string alias, int length)
    {
        var person = people[alias];
        var answer = await auth.RegisterAsync(person.Email, StrongPassword(length), person.FullName);
        answer.IsSuccess.Should().BeTrue($"a strong password of {length} characters is within the rule, but sign-up answered {answer.Describe()}");
    }

    [When("{word} tries to sign up with no email address")]
    public async Task SignsUpWithoutEmail(string alias) =>
        people[alias].LastRefusal = await auth.RegisterAsync(null, people[alias].Password, people[alias].FullName);

    [When("{word} tries to sign up with an email address without an @")]
    public async Task SignsUpWithAnInvalidEmail(string alias) =>
        people[alias].LastRefusal = await auth.RegisterAsync(people[alias].Email.Replace('@', '.'), people[alias].Password, people[alias].FullName);

    [When("{word} tries to sign up with an email address without a dot in its domain")]
    public async Task SignsUpWithADotlessDomain(string alias) =>
        people[alias].LastRefusal = await auth.RegisterAsync(people[alias].Email.Split('@')[0] + "@examplelocalhost", people[alias].Password, people[alias].FullName);

    [Then("{word}'s sign-up is refused because the password {}")]
    public void RefusedForTheRule(string alias, string rule) =>
        RefusedNaming(people[alias].LastRefusal!, rule, "the refusal names the rule the password broke");

    [Then("{word}'s sign-up is refused because the email address {}")]
    public void RefusedForTheEmail(string alias, string why) =>
        RefusedNaming(people[alias].LastRefusal!, why == "is missing" ? "email' is required" : "email' is not a valid",
            $"the refusal names the email field and says it {why}");

    private static void RefusedNaming(ApiResponse refusal, string expected, string because)
    {
        refusal.Status.Should().Be(HttpStatusCode.UnprocessableEntity, $"the sign-up must be refused as invalid input, but it was answered {refusal.Describe()}");
        refusal.IsProblemWithDetail.Should().BeTrue($"a refusal is problem details with a detail, but it was {refusal.Describe()}");
        refusal.Detail.Should().ContainEquivalentOf(expected, because);
    }

    /// <summary>A password that meets every rule but the length: upper, lower, digit and symbol, padded to the length.</summary>
    private static string StrongPassword(int length) => ("Aa1!" + Guid.NewGuid().ToString("N")).PadRight(length, 'x')[..length];
}
