using System.Net;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>Signing up and logging in, through the auth service.</summary>
[Binding]
public sealed class AccountSteps(People people, AuthApi auth)
{
    [Given("{word} has signed up")]
    [When("{word} signs up")]
    public async Task SignsUp(string alias) => await SignUpAsync(people[alias]);

    [Given("{word} has an account")]
    public async Task HasAnAccount(string alias)
    {
        var person = people[alias];
        await SignUpAsync(person);
        person.Session = null; // she signed up earlier; today she starts signed out
    }

    [When("{word} logs in")]
    public async Task LogsIn(string alias)
    {
        var person = people[alias];
        var answer = await auth.LoginAsync(person.Email, person.Password);
        answer.IsSuccess.Should().BeTrue($"{alias} logs in with the password she signed up with, but the auth service answered {answer.Status}: {answer.Detail}");
        person.Session = answer.As<Session>();
        person.Session.UserId.Should().Be(person.UserId, "logging in must sign her into the account she created");
        SessionSaysWhoSheIs(person, "a login");
    }

    [When("{word} tries to log in with a wrong password")]
    public async Task TriesAWrongPassword(string alias)
    {
        var person = people[alias];
        person.LastRefusal = await auth.LoginAsync(person.Email, person.Password + "-wrong");
    }

    [When("{word} tries to log in with an email address nobody signed up with")]
    public async Task TriesAnUnknownEmail(string alias)
    {
        var person = people[alias];
        person.LastRefusal = await auth.LoginAsync("nobody." + person.Email, person.Password);
    }

    [Then("{word} is refused because her/his/their credentials are invalid")]
    public void RefusedForInvalidCredentials(string alias)
    {
        var refusal = RefusalOf(alias);
        refusal.Status.Should().Be(HttpStatusCode.Unauthorized);
        refusal.Detail.Should().Be("Invalid credentials", "an unknown email and a wrong password must look alike to a caller");
    }

    [Then("{word} is given no session")]
    public void GivenNoSession(string alias)
    {
        var refusal = RefusalOf(alias);
        refusal["access_token"].Should().BeNull("a refused login must not hand out an access token");
        refusal["refresh_token"].Should().BeNull("a refused login must not hand out a refresh token");
        people[alias].Session.Should().BeNull();
    }

    [When("someone else signs up with {word}'s email address written in capitals")]
    public async Task SomeoneSignsUpWithTheSameEmail(string alias)
    {
        var someoneElse = people.Named("someone else");
        someoneElse.LastRefusal = await auth.RegisterAsync(people[alias].Email.ToUpperInvariant(), someoneElse.Password, someoneElse.FullName);
    }

    [Then("the sign-up is refused because the email address is already registered")]
    public void SignUpRefusedAsTaken()
    {
        var refusal = RefusalOf("someone else");
        refusal.Status.Should().Be(HttpStatusCode.Conflict, $"the email is taken, but the auth service answered: {refusal.Detail}");
        refusal.Detail.Should().NotBeNullOrWhiteSpace("the refusal must say why");
        refusal["access_token"].Should().BeNull("a refused sign-up must not create a session");
    }

    [Then("{word} can still log in with her/his/their own password")]
    public async Task CanStillLogIn(string alias) => await LogsIn(alias);

    private async Task SignUpAsync(Person person)
    {
        var answer = await auth.SignUpAsync(person);
        answer.IsSuccess.Should().BeTrue($"{person.Alias} signs up with a fresh email and a strong password, but the auth service answered {answer.Status}: {answer.Detail}");
        SessionSaysWhoSheIs(person, "sign-up");
    }

    /// <summary>The contract's session body, the same for sign-up and login: the tokens, their type and lifetime, and the user.</summary>
    private static void SessionSaysWhoSheIs(Person person, string after)
    {
        var session = person.Session!;
        session.TokenType.Should().Be("Bearer", $"the session after {after} says how to present its token");
        session.ExpiresIn.Should().BePositive($"the session after {after} says how long its access token lives");
        session.RefreshToken.Should().NotBeNullOrEmpty($"the session after {after} can be renewed");
        session.User.Should().NotBeNull($"the session after {after} names the user");
        session.User.Id.Should().Be(person.UserId);
        session.User.Email.Should().Be(person.Email);
        session.User.Name.Should().Be(person.FullName, "she is called what she gave as her name");
    }

    private ApiResponse RefusalOf(string alias) =>
        people[alias].LastRefusal ?? throw new InvalidOperationException($"Nothing was refused to {alias} yet.");
}
