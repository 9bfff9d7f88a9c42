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
    /// <summary>
    /// Waits until the sign-in service has set aside her event of this type (the platform kept refusing it); returns its
    /// record, or null when it was not set aside within <paramref name="within"/>.
    /// </summary>
    public async Task<System.Text.Json.Nodes.JsonNode?> SetAsideAsync(string userId, string type, TimeSpan within)
    {
        var answer = await Eventually.UntilAsync(() => RaisedForAsync(userId), r => SetAside(r, type) is not null, within);
        return SetAside(answer, type);

        static System.Text.Json.Nodes.JsonNode? SetAside(ApiResponse events, string type) =>
            (events.Body?["events"] as System.Text.Json.Nodes.JsonArray)?.FirstOrDefault(e =>
                e?["type"]?.GetValue<string>() == type && e["set_aside_at"] is not null);
    }

    public Task<ApiResponse> RaisedForAsync(string userId) =>
        SendAsync(new RestRequest($"/internal/users/{Uri.EscapeDataString(userId)}/events")
            .WithServiceCredentials(environment, "looks at the user events the sign-in service raised"));
}
