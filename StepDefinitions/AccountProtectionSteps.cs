using System.Text.RegularExpressions;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>The lockout after repeated wrong passwords, and the password policy at sign-up.</summary>
[Binding]
public sealed class AccountProtectionSteps(People people, AuthApi auth)
{
    [When("someone tries {int} wrong passwords for {word}'s account")]
    public async Task TriesWrongPasswords(int attempts, string alias) => await auth.GuessHerPasswordWrongAsync(people[alias], attempts);

    [Then("even {word}'s own password is refused for now, saying when to try again")]
    public async Task LockedOut(string alias)
    {
        var person = people[alias];
        var answer = (await auth.TryToLogInAsync(person, "with her own password while locked", person.Email, person.Password)).Answer;
        answer.ShouldBeRefused(Refusal.TooMany, "the account is locked after repeated wrong passwords, even for the right one", "(?i)try again")
            .ShouldHandOutNoSession("a locked account");
        person.AnnouncedWaitSeconds = answer.ShouldSayWhenToTryAgain("a locked account");
        person.AnnouncedWaitSeconds.Should().BePositive("the answer says when to try again");
    }

    [Then("once that time has passed {word} can log in again")]
    public async Task CanLogInAgainLater(string alias) => await auth.LogInOnceTheWaitHasPassedAsync(people[alias]);

    [When("{word} tries to sign up with the password {string}")]
    public async Task SignsUpWithPassword(string alias, string password) =>
        await auth.TryToSignUpAsync(people[alias], "with a weak password", people[alias].Email, password);

    [When("{word} tries to sign up with a strong password of {int} characters")]
    public async Task SignsUpWithALongPassword(string alias, int length) =>
        await auth.TryToSignUpAsync(people[alias], $"with a password of {length} characters", people[alias].Email, People.StrongPassword(length));

    [Then("{word} can sign up with a strong password of exactly {int} characters")]
    public async Task CanSignUpWithALongPassword(string alias, int length)
    {
        await SignsUpWithALongPassword(alias, length);
        people[alias].LastTry.Answer.ShouldSucceed($"a strong password of {length} characters is within the rule");
    }

    [When("{word} tries to sign up with no email address")]
    public async Task SignsUpWithoutEmail(string alias) =>
        await auth.TryToSignUpAsync(people[alias], "with no email address", null, people[alias].Password);

    [When("{word} tries to sign up with an email address without an @")]
    public async Task SignsUpWithAnInvalidEmail(string alias) =>
        await auth.TryToSignUpAsync(people[alias], "with an email address without an @", people[alias].Email.Replace('@', '.'), people[alias].Password);

    [When("{word} tries to sign up with an email address without a dot in its domain")]
    public async Task SignsUpWithADotlessDomain(string alias) =>
        await auth.TryToSignUpAsync(people[alias], "with a dotless domain", people[alias].Email.Split('@')[0] + "@examplelocalhost", people[alias].Password);

    [Then("{word}'s sign-up is refused because the password {}")]
    public void RefusedForTheRule(string alias, string rule) =>
        people[alias].LastTry.Answer.ShouldBeRefused(Refusal.Invalid, "the refusal names the rule the password broke", Mentioning(rule));

    [Then("{word}'s sign-up is refused because the email address {}")]
    public void RefusedForTheEmail(string alias, string why) =>
        people[alias].LastTry.Answer.ShouldBeRefused(Refusal.Invalid, $"the refusal names the email field and says it {why}",
            Mentioning(why == "is missing" ? "email' is required" : "email' is not a valid"));

    /// <summary>A pattern for a detail that mentions the words, in any case.</summary>
    private static string Mentioning(string words) => "(?i)" + Regex.Escape(words);
}
