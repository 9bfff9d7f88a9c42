using Netra.Auth.Data;

namespace Netra.Auth.Endpoints;

public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "healthy", service = "auth-service", version = "1.0.0" }));

        app.MapGet("/health/ready", async (AuthDb db) =>
        {
            try
            {
                await db.ReadAsync(conn => conn.Command("SELECT 1").ExecuteScalarAsync());
                return Results.Ok(new { status = "ready", database_status = "connected" });
            }
            catch (Exception ex)
            {
                return Results.Json(new { status = "not_ready", reason = $"database unavailable: {ex.Message}" },
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
    }
}
