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
    public async Task<RaisedEvent?> SetAsideAsync(string userId, string type, TimeSpan within)
    {
        var answer = await Eventually.UntilAsync(() => RaisedForAsync(userId), r => SetAside(r, type) is not null, within);
        return SetAside(answer, type);

        static RaisedEvent? SetAside(ApiResponse events, string type) =>
            events.IsSuccess ? events.As<RaisedEvents>().Events.FirstOrDefault(e => e.Type == type && e.SetAsideAt is not null) : null;
    }

    /// <summary>Waits until her name change is set aside (the platform kept refusing it), and checks it keeps the platform's reason.</summary>
    public async Task NameChangeShouldBeSetAsideAsync(Person person)
    {
        var record = await SetAsideAsync(person.UserId!, UserEventDelivery.Updated, ContractWindows.SetAside);
        record.Should().NotBeNull($"a name change the platform keeps refusing is set aside within {ContractWindows.SetAside.TotalSeconds:0} s, not retried for ever");
        record!.LastError.Should().NotBeNullOrWhiteSpace("it keeps the reason the platform gave");
    }

    /// <summary>The plan changes the sign-in service raised for her, oldest first.</summary>
    public async Task<IReadOnlyList<RaisedEvent>> PlanChangesRaisedForAsync(Person person) =>
        [.. (await RaisedForAsync(person.UserId!)).ShouldBeAnswered("the sign-in service lists the events it raised").As<RaisedEvents>()
            .Events.Where(e => e.Type == UserEventDelivery.PlanChanged).OrderBy(e => e.RaisedAt)];

    public Task<ApiResponse> RaisedForAsync(string userId) =>
        SendAsync(new RestRequest($"/internal/users/{Uri.EscapeDataString(userId)}/events")
            .WithServiceCredentials(environment, "looks at the user events the sign-in service raised"));
}
