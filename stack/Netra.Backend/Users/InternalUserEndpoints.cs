using Netra.Backend.Auth;
using Netra.Backend.Infrastructure;

namespace Netra.Backend.Users;

/// <summary>
/// GET /internal/users/{id} (service credentials, any service id): what the backend holds for a user —
/// its copy of the user, how many conversations and messages, and the user events it applied for her — so an
/// operator or a test can see that a deleted account left nothing behind, or which change never arrived
/// (docs/stack-interface.md, decisions).
/// </summary>
public static class InternalUserEndpoints
{
    public static void MapInternalUserEndpoints(this IEndpointRouteBuilder app) => app.MapGet("/internal/users/{id}", HeldForAsync);

    private static async Task<IResult> HeldForAsync(string id, HttpRequest request, ServiceCredentials credentials,
        UserStore users, UserHoldingsStore holdings, CancellationToken ct)
    {
        var denied = credentials.Check(request, expectedServiceId: null);
        if (denied is not null) return denied;

        var user = await users.GetAsync(id, ct);
        var held = await holdings.CountAsync(id, ct);
        var applied = await users.AppliedEventsAsync(id, ct);
        if (user is null && held is { Threads: 0, Messages: 0 })
            return Problems.NotFound("The backend holds nothing about this user.");
        return Results.Ok(new
        {
            user_id = id,
            email = user?.Email,
            name = user?.Name,
            plan_tier = user?.PlanTier,
            threads = held.Threads,
            messages = held.Messages,
            events_applied = applied.Select(e => new { event_id = e.EventId, type = e.Type, applied_at = e.ProcessedAt }),
        });
    }
}
