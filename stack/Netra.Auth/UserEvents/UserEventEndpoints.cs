
namespace Netra.Auth.UserEvents;

/// <summary>
/// GET /internal/users/{id}/events (service credentials): the user events auth raised for a user and where each
/// stands in the outbox (delivered, or how many attempts and the last error), oldest first; so an operator or a
/// test can see which change was raised and whether it reached the backend (docs/stack-interface.md, decisions).
/// </summary>
public static class UserEventEndpoints
{
    public static void MapUserEventEndpoints(this IEndpointRouteBuilder app) => app.MapGet("/internal/users/{id}/events", EventsOfAsync);

    private static async Task<IResult> EventsOfAsync(string id, HttpContext ctx, AuthDb db, AuthSettings settings)
    {
        if (ServiceCredentials.Refusal(ctx.Request, settings) is { } refusal) return refusal;
        // Auth's user ids are GUIDs: anything else names no user (and is not echoed back).
        if (!Guid.TryParse(id, out _)) return Problems.Validation("The id in the path is not a user id (a GUID).");
        var events = await db.ReadAsync(conn => Outbox.LoadForUserAsync(conn, id));
        return Results.Ok(new
        {
            user_id = id,
            events = events.Select(e => new
            {
                event_id = e.EventId,
                type = e.Type,
                raised_at = Timestamps.Format(DateTimeOffset.FromUnixTimeMilliseconds(e.CreatedAt)),
                attempts = e.Attempts,
                delivered_at = e.DeliveredAt is { } at ? Timestamps.Format(DateTimeOffset.FromUnixTimeMilliseconds(at)) : null,
                set_aside_at = e.SetAsideAt is { } aside ? Timestamps.Format(DateTimeOffset.FromUnixTimeMilliseconds(aside)) : null,
                last_error = e.LastError,
            }),
        });
    }
}
