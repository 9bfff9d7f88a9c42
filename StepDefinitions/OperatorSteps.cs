namespace Netra.Acceptance.StepDefinitions;

/// <summary>What the services tell their operators about themselves.</summary>
[Binding]
public sealed class OperatorSteps(BackendApi backend, ServiceHealth health)
{
    [Then("the sign-in service, the platform and the website each say they are up")]
    public async Task EachSaysItIsUp()
    {
        var answers = await health.HealthOfEachAsync();
        foreach (var (service, answer) in answers) answer.ShouldSucceed($"{service} must say it is up");
        var auth = answers["the sign-in service"].As<Health>();
        auth.IsHealthy.Should().BeTrue("the sign-in service says it is healthy");
        auth.Service.Should().Be("auth-service", "the sign-in service names itself, so operators know who answered");
    }

    [Then("the sign-in service says its database is connected")]
    public async Task SignInServiceIsReady()
    {
        var readiness = (await health.AuthReadinessAsync()).ShouldSucceed("the sign-in service with its database is ready").As<Readiness>();
        (readiness.IsReady, readiness.DatabaseConnected).Should().Be((true, true), "operators must see the state of its database");
    }

    [Then("the platform says its database and the sign-in service are available")]
    public async Task PlatformIsReady()
    {
        var readiness = (await health.BackendReadinessAsync()).ShouldSucceed("the platform with all it depends on is ready").As<Readiness>();
        readiness.DatabaseConnected.Should().BeTrue("operators must see the state of its database");
        readiness.SignInServiceAvailable.Should().BeTrue($"operators must see the state of the sign-in service, not '{readiness.Auth}'");
    }

    [Then("the sign-in service offers sign-in with Google")]
    public async Task OffersGoogle()
    {
        var config = (await health.AuthConfigurationAsync()).ShouldSucceed("the sign-in service describes its sign-in options").As<AuthConfiguration>();
        config.OauthEnabled.Should().BeTrue("enterprise customers sign in with Google");
        config.Providers.Should().Contain("google");
    }

    [Then("the platform tells its operators it is running without the sign-in service")]
    public async Task ReportsTheSignInServiceAsDegraded() =>
        (await backend.ReadinessAsync()).ShouldSucceed("the platform keeps serving signed-in users, so it stays ready")
            .As<Readiness>().SignInServiceDegraded.Should().BeTrue("operators must see which dependency is missing");

    [Then("the platform tells its operators its database is unavailable")]
    public async Task ReportsItsDatabaseAsUnavailable() =>
        (await backend.ReadinessAsync()).ShouldBeRefused(Refusal.Unavailable, "without its database the platform cannot serve, and must say so")
            .As<Readiness>().DatabaseConnected.Should().BeFalse("operators must see which dependency is missing");
}
