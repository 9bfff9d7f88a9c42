
namespace Netra.Auth.Accounts;

/// <summary>DELETE /auth/account: the user closes their account; every token of theirs stops working.</summary>
public static class AccountDeletionEndpoints
{
    public static void MapAccountDeletionEndpoints(this IEndpointRouteBuilder app) => app.MapDelete("/auth/account", DeleteAsync).RequireAuthorization();

    private static async Task<IResult> DeleteAsync(HttpContext ctx, ClaimsPrincipal caller, AuthDb db, UserEventDispatcher events)
    {
        var userId = caller.UserId();

        var deleted = await db.WriteAsync(async (conn, tx) =>
        {
            var user = await UserStore.FindByIdAsync(conn, userId, tx);
            if (user is null) return false;
            var now = SqliteExtensions.NowMs();
            // Sessions are revoked rather than deleted, so a token of this user stays refused even if presented later.
            await conn.Command("UPDATE sessions SET revoked_at = $now, revoked_reason = 'account_deleted' WHERE user_id = $id AND revoked_at IS NULL",
                tx, ("$now", now), ("$id", userId)).ExecuteNonQueryAsync();
            await conn.Command("DELETE FROM external_logins WHERE user_id = $id", tx, ("$id", userId)).ExecuteNonQueryAsync();
            await conn.Command("DELETE FROM users WHERE id = $id", tx, ("$id", userId)).ExecuteNonQueryAsync();
            await Outbox.EnqueueAsync(conn, tx, UserEventTypes.Deleted, user);
            return true;
        });
        if (!deleted) return Problems.Unauthorized(ctx, "The token's user no longer exists.");

        // The backend forgets the user (and closes their connections) before we answer, if it can be reached.
        var delivery = events.DeliverForUserAsync(userId);
        await Task.WhenAny(delivery, Task.Delay(TimeSpan.FromSeconds(2)));
        return Results.NoContent();
    }
}
