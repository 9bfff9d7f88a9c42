using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>
/// The user events the sign-in service raised for one user and where each stands in its outbox (delivered, or
/// attempts and last error), asked with the environment's service credentials (GET /internal/users/{id}/events).
/// A stack decision beyond the contract: docs/stack-interface.md.
/// </summary>
public sealed class UserEventRecords(EnvironmentContext environment, ScenarioTranscript transcript)
    : ServiceDriver(environment.Endpoints.Auth, transcript)
{
    public Task<ApiResponse> RaisedForAsync(string userId) =>
        SendAsync(new RestRequest($"/internal/users/{Uri.EscapeDataString(userId)}/events")
            .WithServiceCredentials(environment, "looks at the user events the sign-in service raised"));
}
