
namespace Netra.Auth.Accounts;

/// <summary>Administrative calls of other services (service credentials): PUT /auth/admin/users/{id}/plan.</summary>
public static class AdminEndpoints
{
    public static readonly string[] PlanTiers = ["free", "early", "mid", "enterprise"];

    /// <summary>The contract: a plan change reaches the backend within 500 ms; the answer waits that long for the delivery at most.</summary>
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromMilliseconds(500);

    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPut("/auth/admin/users/{id}/plan", ChangePlanAsync);
    }

    private static async Task<IResult> ChangePlanAsync(string id, HttpContext ctx, AuthDb db, AuthSettings settings, UserEventDispatcher events)
    {
        if (ServiceCredentials.Refusal(ctx.Request, settings) is { } refusal) return refusal;

        var (body, error) = await JsonBody.ReadObjectAsync(ctx.Request);
        if (error is not null) return error;
        if (!JsonBody.TryGetString(body, "plan_tier", required: true, out var raw, out error)) return error!;
        var plan = raw!.Trim().ToLowerInvariant();
        if (!PlanTiers.Contains(plan))
            return Problems.Validation($"Field 'plan_tier' must be one of: {string.Join(", ", PlanTiers)}.");

        var changed = await db.WriteAsync<UserRecord?>(async (conn, tx) =>
        {
            var user = await UserStore.FindByIdAsync(conn, id, tx);
            if (user is null) return null;
            if (user.PlanTier == plan) return user;
            await conn.Command("UPDATE users SET plan_tier = $plan, updated_at = $now WHERE id = $id", tx,
                ("$plan", plan), ("$now", SqliteExtensions.NowMs()), ("$id", id)).ExecuteNonQueryAsync();
            var updated = user with { PlanTier = plan };
            // Same transaction: the event exists if and only if the change was committed.
            await Outbox.EnqueueAsync(conn, tx, UserEventTypes.PlanChanged, updated);
            return updated;
        });
        if (changed is null) return Problems.Of(StatusCodes.Status404NotFound, "No user with this id.");

        var delivery = events.DeliverForUserAsync(changed.Id);
        await Task.WhenAny(delivery, Task.Delay(DeliveryWait));
        return Results.Ok(new { user_id = changed.Id, plan_tier = changed.PlanTier });
    }
}
