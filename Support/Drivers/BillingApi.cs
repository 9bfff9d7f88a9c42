using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>The backend's billing contract: a user's usage and charges for the current period.</summary>
public sealed class BillingApi(EnvironmentContext environment, ScenarioTranscript transcript)
    : ServiceDriver(environment.Endpoints.Backend, transcript)
{
    public async Task<ApiResponse> UsageAsync(string? accessToken) =>
        await SendAsync(new RestRequest("/api/v1/billing/usage").WithBearer(accessToken));

    /// <summary>Her usage this period; fails the step if she cannot see it.</summary>
    public async Task<UsageReport> UsageOfAsync(Person person) =>
        (await UsageAsync(person.AccessToken)).ShouldSucceed($"{person.Alias} can see her usage").As<UsageReport>();
}

/// <summary>The usage report, as the contract names its fields.</summary>
public sealed record UsageReport(
    string UserId, string PlanTier, string PeriodStart, string PeriodEnd, long Runs,
    long PromptTokens, long CompletionTokens, long TotalTokens, long CostCents, long PerformanceFeeCents, long TotalCents);

/// <summary>
/// The contract's price, as the suite states it independently of any service: $0.15 per 1,000 tokens
/// (prompt plus completion) and a 20% performance fee on top; whole cents, rounded half up once on the
/// period's totals (cost and fee each from their exact amounts; the total is their sum).
/// </summary>
public static class Price
{
    public static (long CostCents, long FeeCents, long TotalCents) For(long tokens)
    {
        var exactCost = tokens * 15m / 1000m;
        var cost = (long)Math.Round(exactCost, MidpointRounding.AwayFromZero);
        var fee = (long)Math.Round(exactCost * 0.20m, MidpointRounding.AwayFromZero);
        return (cost, fee, cost + fee);
    }
}
