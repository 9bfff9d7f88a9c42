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

    /// <summary>What the platform holds for her; fails the step if it will not say.</summary>
    public async Task<PlatformHoldings> OfAsync(Person person) =>
        (await HeldForAsync(person.UserId!)).ShouldBeAnswered($"the platform describes what it holds for {person.Alias}").As<PlatformHoldings>();

    /// <summary>Waits until the platform holds at least so many conversations and messages of hers; what it then holds.</summary>
    public async Task<PlatformHoldings> WhenItHoldsAsync(Person person, int threads, int messages)
    {
        var answer = await Eventually.UntilAsync(() => HeldForAsync(person.UserId!),
            r => r.IsSuccess && r.As<PlatformHoldings>() is { } h && h.Threads >= threads && h.Messages >= messages, ContractWindows.Redelivery);
        var held = answer.ShouldBeAnswered($"the platform must hold {person.Alias}'s data").As<PlatformHoldings>();
        held.Email.Should().Be(person.Email, "the platform holds her profile");
        held.Threads.Should().BeGreaterThanOrEqualTo(threads, "the platform keeps her conversations");
        held.Messages.Should().BeGreaterThanOrEqualTo(messages, "the platform keeps her questions and the agent's answers");
        return held;
    }

    /// <summary>Waits until the platform holds nothing of hers at all (it says it knows no such user), within the redelivery window.</summary>
    public async Task ShouldSoonHoldNothingOfAsync(Person person)
    {
        var answer = await Eventually.UntilAsync(() => HeldForAsync(person.UserId!), r => r.IsRefusedAs(Refusal.NotFound), ContractWindows.Redelivery);
        answer.ShouldBeRefused(Refusal.NotFound, $"a closed account leaves nothing of {person.Alias}'s on the platform within {ContractWindows.Redelivery.TotalSeconds:0}s");
    }

    /// <summary>Callers passing for a Netra service ask what the platform holds for her; each is expected to be refused.</summary>
    public Task<IReadOnlyList<Attempt>> TryAsImpostorsAsync(Person person) =>
        ServiceCallers.TryAsEachImpostorAsync($"reading what the platform holds for {person.Alias}", caller => HeldForAsync(person.UserId!, caller));
}
