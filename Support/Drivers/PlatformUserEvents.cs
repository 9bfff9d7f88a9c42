using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>A user event as the sign-in service delivers it to the platform (docs/stack-interface.md, User events).</summary>
public sealed record UserEventDelivery(string EventId, string Type, string UserId, string Email, string Name, string PlanTier, DateTimeOffset? OccurredAt = null)
{
    public const string PlanChanged = "user.plan_changed";
    public const string Updated = "user.updated";
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

    /// <summary>Delivers a raised plan change of hers (to the plan it was to) once more; it is taken, so the sign-in service would stop retrying.</summary>
    public async Task DeliverAgainAsync(Person person, RaisedEvent change, string plan) =>
        (await DeliverAsync(new UserEventDelivery(change.EventId, UserEventDelivery.PlanChanged, person.UserId!, person.Email, person.Name, plan, change.RaisedAt)))
            .ShouldSucceed("a repeated delivery is answered as a success, so the sign-in service stops retrying it");

    /// <summary>Delivers a plan change of hers of its own, raised just before the given moment, so it arrives stale; it is taken (and changes nothing).</summary>
    public async Task DeliverStaleAsync(Person person, string plan, DateTimeOffset before) =>
        (await DeliverAsync(new UserEventDelivery(Guid.NewGuid().ToString(), UserEventDelivery.PlanChanged, person.UserId!, person.Email, person.Name, plan, before.AddMilliseconds(-1))))
            .ShouldSucceed("a late, older event is taken (and changes nothing)");

    /// <summary>Callers passing for the sign-in service deliver a plan change of hers; each is expected to be refused.</summary>
    public Task<IReadOnlyList<Attempt>> TryAsImpostorsAsync(Person person, string plan) =>
        ServiceCallers.TryAsEachImpostorAsync($"delivering a plan change of {person.Alias}'s",
            caller => DeliverAsync(new UserEventDelivery(Guid.NewGuid().ToString(), UserEventDelivery.PlanChanged, person.UserId!, person.Email, person.Name, plan), caller));
}
