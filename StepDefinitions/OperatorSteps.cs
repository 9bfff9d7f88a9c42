namespace Netra.Acceptance.StepDefinitions;

/// <summary>What the services tell their operators about themselves.</summary>
[Binding]
public sealed class OperatorSteps(BackendApi backend, ServiceHealth health)
{
    [Then("the sign-in service, the platform and the website each say they are up")]
    public async Task EachSaysItIsUp()
    {
        var answers = await health.HealthOfEachAsync();
        foreach (var (service, answer) in answers)
            answer.IsSuccess.Should().BeTrue($"{service} must say it is up, but answered {answer.Describe()}");
        var auth = answers["the sign-in service"];
        auth["status"].Should().Be("healthy");
        auth["service"].Should().Be("auth-service", "the sign-in service names itself, so operators know who answered");
    }

    [Then("the sign-in service says its database is connected")]
    public async Task SignInServiceIsReady()
    {
        var readiness = await health.AuthReadinessAsync();
        readiness.IsSuccess.Should().BeTrue($"the sign-in service with its database is ready, but answered {readiness.Describe()}");
        readiness["status"].Should().Be("ready");
        readiness["database_status"].Should().Be("connected", "operators must see the state of its database");
    }

    [Then("the platform says its database and the sign-in service are available")]
    public async Task PlatformIsReady()
    {
        var readiness = await health.BackendReadinessAsync();
        readiness.IsSuccess.Should().BeTrue($"the platform with all it depends on is ready, but answered {readiness.Describe()}");
        readiness["core_db"].Should().Be("connected", "operators must see the state of its database");
        readiness["auth"].Should().NotBeNullOrEmpty("operators must see the state of the sign-in service").And.NotBe("degraded");
    }

    [Then("the sign-in service offers sign-in with Google")]
    public async Task OffersGoogle()
    {
        var config = await health.AuthConfigurationAsync();
        config.IsSuccess.Should().BeTrue($"the sign-in service describes its sign-in options: {config.Describe()}");
        config["oauth_enabled"].Should().BeEquivalentTo("true", "enterprise customers sign in with Google");
        config.Body!["providers"]!.AsArray().Select(p => p?.ToString()).Should().Contain("google");
    }

    [Then("the platform tells its operators it is running without the sign-in service")]
    public async Task ReportsTheSignInServiceAsDegraded()
    {
        var readiness = await backend.ReadinessAsync();
        readiness.IsSuccess.Should().BeTrue("the platform keeps serving signed-in users, so it stays ready");
        readiness["auth"].Should().Be("degraded", "operators must see which dependency is missing");
    }

    [Then("the platform tells its operators its database is unavailable")]
    public async Task ReportsItsDatabaseAsUnavailable()
    {
        var readiness = await backend.ReadinessAsync();
        readiness.Status.Should().Be(System.Net.HttpStatusCode.ServiceUnavailable, "without its database the platform cannot serve, and must say so");
        readiness["core_db"].Should().NotBe("connected", "operators must see which dependency is missing");
    }
}
