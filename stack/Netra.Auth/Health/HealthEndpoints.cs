
namespace Netra.Auth.Health;

public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "healthy", service = "auth-service", version = "1.0.0" }));

        app.MapGet("/health/ready", async (AuthDb db) =>
        {
            try
            {
                var (pending, setAside) = await db.ReadAsync(Outbox.CountAsync);
                // Set-aside events do not make the service unready, but operators must see them: each is a change the
                // platform never applied (its reason is in the outbox and in the log line that set it aside).
                return Results.Ok(new
                {
                    status = "ready",
                    database_status = "connected",
                    user_events = new { pending, set_aside = setAside },
                });
            }
            catch (Exception ex)
            {
                return Results.Json(new { status = "not_ready", reason = $"database unavailable: {ex.Message}" },
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
    }
}
