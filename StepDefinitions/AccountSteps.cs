namespace Netra.Acceptance.StepDefinitions;

/// <summary>Signing up and logging in, through the auth service.</summary>
[Binding]
public sealed class AccountSteps(People people, AuthApi auth)
{
    [Given("{word} has signed up")]
    [When("{word} signs up")]
    public async Task SignsUp(string alias) => (await auth.SignUpAsync(people[alias])).ShouldSayWhoSheIs(people[alias], "sign-up");

    [Given("{word} has an account")]
    public async Task HasAnAccount(string alias)
    {
        await SignsUp(alias);
        people[alias].Session = null; // she signed up earlier; today she starts signed out
    }

    [When("{word} logs in")]
    [Then("{word} can still log in with her/his/their own password")]
    public async Task LogsIn(string alias) => (await auth.LogInAsync(people[alias])).ShouldSayWhoSheIs(people[alias], "a login");

    [When("{word} tries to log in with a wrong password")]
    public async Task TriesAWrongPassword(string alias) =>
        await auth.TryToLogInAsync(people[alias], "with a wrong password", people[alias].Email, people[alias].Password + "-wrong");

    [When("{word} tries to log in with an email address nobody signed up with")]
    public async Task TriesAnUnknownEmail(string alias) =>
        await auth.TryToLogInAsync(people[alias], "with an unknown email", "nobody." + people[alias].Email, people[alias].Password);

    [Then("{word} is refused because her/his/their credentials are invalid")]
    public void RefusedForInvalidCredentials(string alias) =>
        people[alias].LastTry.Answer.ShouldBeRefused(Refusal.NotSignedIn, "an unknown email and a wrong password must look alike to a caller", "^Invalid credentials$");

    [Then("{word} is given no session")]
    public void GivenNoSession(string alias)
    {
        people[alias].LastTry.Answer.ShouldHandOutNoSession("a refused login");
        people[alias].Session.Should().BeNull();
    }

    [When("someone else signs up with {word}'s email address written in capitals")]
    public async Task SomeoneSignsUpWithTheSameEmail(string alias) =>
        await auth.TryToSignUpAsync(people.Named("someone else"), "with a taken email in capitals", people[alias].Email.ToUpperInvariant(), people.Named("someone else").Password);

    [Then("the sign-up is refused because the email address is already registered")]
    public void SignUpRefusedAsTaken() =>
        people.Named("someone else").LastTry.Answer.ShouldBeRefused(Refusal.AlreadyTaken, "the email is taken").ShouldExplain()
            .ShouldHandOutNoSession("a refused sign-up");
}
