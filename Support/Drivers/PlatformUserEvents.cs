using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>A user event as the sign-in service delivers it to the platform (docs/stack-interface.md, User events).</summary>
public sealed record UserEventDelivery(string EventId, string Type, string UserId, string Email, string Name, string PlanTier, DateTimeOffset? OccurredAt = null)
{
    public const string PlanChanged = "user.plan_changed";
}

/// <summary>
/// Delivers user events to the platform as the sign-in service does (POST /internal/user-events, service
/// credentials as auth-service): to see a retried delivery applied once, and a stranger's refused.
/// </summary>
public sealed class PlatformUserEvents(EnvironmentContext environment, ScenarioTranscript transcript)
    : ServiceDriver(environment.Endpoints.Backend, transcript)
{
    public Task<ApiResponse> DeliverAsync(UserEventDelivery e, ServiceCaller caller = ServiceCaller.NetraService) =>
        SendAsync(new RestRequest("/internal/user-events", Method.Post)
            .WithServiceCredentials(environment, "delivers a user event to the platform as the sign-in service would", caller, "auth-service")
            .AddJsonBody(new
            {
                event_id = e.EventId,
                type = e.Type,
                user = new { id = e.UserId, email = e.Email, name = e.Name, plan_tier = e.PlanTier },
                occurred_at = (e.OccurredAt ?? DateTimeOffset.UtcNow).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            }));
}
