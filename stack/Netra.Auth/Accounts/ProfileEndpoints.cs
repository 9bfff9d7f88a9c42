using Netra.Shared.Input;

namespace Netra.Auth.Accounts;

/// <summary>
/// PATCH /auth/me {name} (Bearer): the user changes their name. Auth owns users, so this is where a name
/// changes; the backend's PATCH /api/v1/users/profile forwards here (docs/stack-interface.md, decisions).
/// </summary>
public static class ProfileEndpoints
{
    /// <summary>The contract: auth-to-backend user consistency under 1 s; the answer waits that long for the delivery at most.</summary>
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(1);

    public static void MapProfileEndpoints(this IEndpointRouteBuilder app) => app.MapPatch("/auth/me", ChangeNameAsync).RequireAuthorization();

    private static async Task<IResult> ChangeNameAsync(HttpContext ctx, ClaimsPrincipal caller, AuthDb db, UserEventDispatcher events)
    {
        var userId = caller.UserId();

        var (body, error) = await JsonBody.ReadObjectAsync(ctx.Request);
        if (error is not null) return error;
        if (!JsonBody.TryGetString(body, "name", required: true, out var raw, out error)) return error!;
        var (checkedName, badName) = PersonName.Check(raw!);
        if (badName is not null) return Problems.Validation(badName);
        var name = checkedName!; // a name whenever Check found no problem

        var changed = await db.WriteAsync<UserRecord?>(async (conn, tx) =>
        {
            var user = await UserStore.FindByIdAsync(conn, userId, tx);
            if (user is null) return null;
            if (user.Name == name) return user;
            await UserStore.UpdateNameAsync(conn, tx, userId, name);
            var updated = user with { Name = name };
            // Same transaction: the event exists if and only if the change was committed.
            await Outbox.EnqueueAsync(conn, tx, UserEventTypes.Updated, updated);
            return updated;
        });
        if (changed is null) return Problems.Unauthorized(ctx, "The token's user no longer exists.");

        var delivery = events.DeliverForUserAsync(changed.Id);
        await Task.WhenAny(delivery, Task.Delay(DeliveryWait));
        return Responses.Me(changed);
    }
}
