namespace Netra.Acceptance.StepDefinitions;

/// <summary>What the services tell their operators about themselves.</summary>
[Binding]
public sealed class OperatorSteps(BackendApi backend)
{
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
