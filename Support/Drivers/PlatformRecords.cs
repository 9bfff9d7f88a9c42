using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>
/// What the backend holds for one user — its copy of the user, and how many conversations and messages —
/// asked with the environment's service credentials (GET /internal/users/{id}; 404 when it holds nothing).
/// A stack decision beyond the contract: docs/stack-interface.md.
/// </summary>
public sealed class PlatformRecords(EnvironmentContext environment, ScenarioTranscript transcript)
    : ServiceDriver(environment.Endpoints.Backend, transcript)
{
    public Task<ApiResponse> HeldForAsync(string userId, ServiceCaller caller = ServiceCaller.NetraService) =>
        SendAsync(new RestRequest($"/internal/users/{Uri.EscapeDataString(userId)}")
            .WithServiceCredentials(environment, "looks at what the platform holds for a user", caller));
}
