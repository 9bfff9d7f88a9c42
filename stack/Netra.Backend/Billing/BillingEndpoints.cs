using System.Security.Claims;
using Netra.Backend.Auth;
using Netra.Backend.Infrastructure;
using Netra.Backend.Users;

namespace Netra.Backend.Billing;

/// <summary>GET /api/v1/billing/usage: the caller's usage and charges in the current calendar month (UTC).</summary>
public static class BillingEndpoints
{
    public sealed record UsageResponse(
        string UserId, string PlanTier, string PeriodStart, string PeriodEnd, long Runs,
        long PromptTokens, long CompletionTokens, long TotalTokens, long CostCents, long PerformanceFeeCents, long TotalCents);

    public static void MapBillingEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/billing/usage", GetUsage).RequireAuthorization();

    private static async Task<IResult> GetUsage(ClaimsPrincipal user, UsageStore usage, UserStore users, TimeProvider time, CancellationToken ct)
    {
        var userId = user.UserId();
        var now = time.GetUtcNow();
        var start = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var end = start.AddMonths(1);
        var totals = await usage.TotalsAsync(userId, start, end, ct);
        var plan = (await users.GetAsync(userId, ct))?.PlanTier ?? "free";

        var tokens = totals.PromptTokens + totals.CompletionTokens;
        var charges = Pricing.For(tokens);
        return Results.Ok(new UsageResponse(userId, plan, Timestamps.Format(start), Timestamps.Format(end), totals.Runs,
            totals.PromptTokens, totals.CompletionTokens, tokens, charges.CostCents, charges.PerformanceFeeCents, charges.TotalCents));
    }
}

/// <summary>
/// The contract's price: $0.15 per 1,000 tokens (prompt plus completion) and a 20% performance fee on
/// top. Amounts are whole cents, rounded half up once, on the period's totals (never per run): the
/// cost and the fee are each rounded from their exact values, and the total is their sum.
/// </summary>
public static class Pricing
{
    public const decimal CentsPerThousandTokens = 15m;
    public const decimal PerformanceFeeRate = 0.20m;

    public sealed record Charges(long CostCents, long PerformanceFeeCents, long TotalCents);

    public static Charges For(long tokens)
    {
        var exactCost = tokens * CentsPerThousandTokens / 1000m;
        var cost = (long)Math.Round(exactCost, MidpointRounding.AwayFromZero);
        var fee = (long)Math.Round(exactCost * PerformanceFeeRate, MidpointRounding.AwayFromZero);
        return new Charges(cost, fee, cost + fee);
    }
}
