using Netra.Shared.Input;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Netra.Backend.Auth;
using Netra.Backend.Infrastructure;
using Netra.Backend.WebSockets;

namespace Netra.Backend.Users;

public static class UserEndpoints
{

    public sealed record ProfileResponse(string UserId, string Email, string? Name, string PlanTier, string CreatedAt)
    {
        public static ProfileResponse From(UserRecord u) => new(u.Id, u.Email, u.Name, u.PlanTier, u.CreatedAt);
    }

    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var profile = app.MapGroup("/api/v1/users/profile").RequireAuthorization();
        profile.MapGet("", GetProfile);
        profile.MapPatch("", UpdateProfile);

        app.MapPost("/internal/user-events", ReceiveUserEvent);
    }

    private static async Task<IResult> GetProfile(ClaimsPrincipal user, UserStore users, CancellationToken ct)
    {
        var record = await users.GetAsync(user.UserId(), ct);
        return record is null ? UnknownUser() : Results.Ok(ProfileResponse.From(record));
    }

    /// <summary>
    /// The name changes where users are owned: auth (PATCH /auth/me with the caller's token); the backend then
    /// applies auth's answer to its copy. Auth unreachable: 503, nothing changed anywhere.
    /// </summary>
    private static async Task<IResult> UpdateProfile(HttpRequest request, ClaimsPrincipal user, UserStore users, AuthProfileClient auth, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(request);
        if (!body.Ok) return body.Error!;

        if (!body.Body.TryGetProperty("name", out _))
            return Problems.Validation("Field 'name' is required.");
        var (raw, error) = JsonBody.OptionalString(body.Body, "name");
        if (error is not null) return Problems.Validation(error);
        // The one name rule, checked here before auth is asked: a name auth would refuse changes nowhere.
        var (name, badName) = PersonName.Check(raw ?? "");
        if (badName is not null) return Problems.Validation(badName);

        var changed = await auth.ChangeNameAsync(request.Headers.Authorization.ToString(), name!, ct);
        if (changed.TokenRefused) request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        if (changed.Problem is not null) return changed.Problem;
        var owned = changed.User!;
        // Not yet known here (user.created still on its way): auth's answer is the profile; the event brings the copy.
        var record = await users.UpdateNameAsync(user.UserId(), owned.Name ?? name!, ct);
        return Results.Ok(ProfileResponse.From(record ?? owned with { Id = user.UserId() }));
    }

    private static IResult UnknownUser() => Problems.NotFound(
        "This user is not known to the backend: either the auth service has not delivered the user.created event yet (retry shortly) or the account was deleted.");

    /// <summary>User events from the auth service (docs/stack-interface.md). 204 for new and repeated events alike.</summary>
    private static async Task<IResult> ReceiveUserEvent(HttpRequest request, ServiceCredentials credentials, UserStore users,
        ConnectionRegistry connections, ILoggerFactory loggers, CancellationToken ct)
    {
        var denied = credentials.Check(request, expectedServiceId: "auth-service");
        if (denied is not null) return denied;

        var body = await JsonBody.ReadObjectAsync(request);
        if (!body.Ok) return body.Error!;
        var (parsed, error) = ParseEvent(body.Body);
        if (parsed is null) return Problems.Validation(error!);

        var applied = await users.ApplyEventAsync(parsed, ct);
        loggers.CreateLogger("Netra.Backend.Users").LogInformation("user event {Type} {EventId} {Outcome}",
            parsed.Type, LogText.Clean(parsed.EventId), applied ? "applied" : "repeat ignored");

        if (applied && parsed.Type == UserEventTypes.Deleted)
            await connections.CloseUserConnectionsAsync(parsed.UserId, "User account was deleted");
        return Results.NoContent();
    }

    private static (UserEvent? Event, string? Error) ParseEvent(JsonElement body)
    {
        string? error = null;
        string? Str(JsonElement obj, string name, string path)
        {
            if (error is not null) return null;
            var (value, e) = JsonBody.OptionalString(obj, name);
            if (e is not null) error = e.Replace($"'{name}'", $"'{path}'");
            return value;
        }

        var eventId = Str(body, "event_id", "event_id");
        var type = Str(body, "type", "type");
        var occurredText = Str(body, "occurred_at", "occurred_at");
        if (error is not null) return (null, error);
        if (string.IsNullOrWhiteSpace(eventId) || eventId.Length > 200) return (null, "Field 'event_id' is required (at most 200 characters).");
        if (type is null || !UserEventTypes.All.Contains(type)) return (null, $"Field 'type' must be one of: {string.Join(", ", UserEventTypes.All)}.");

        if (!body.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.Object)
            return (null, "Field 'user' must be an object with at least an 'id'.");
        var id = Str(user, "id", "user.id");
        var email = Str(user, "email", "user.email");
        var name = Str(user, "name", "user.name");
        var plan = Str(user, "plan_tier", "user.plan_tier");
        var createdText = Str(user, "created_at", "user.created_at");
        if (error is not null) return (null, error);
        if (string.IsNullOrWhiteSpace(id) || id.Length > 200) return (null, "Field 'user.id' is required (at most 200 characters).");
        if (type == UserEventTypes.Created && string.IsNullOrWhiteSpace(email)) return (null, "Field 'user.email' is required for user.created.");
        if (email?.Length > 320 || name?.Length > 200 || plan?.Length > 32) return (null, "A user field is too long (email 320, name 200, plan_tier 32 characters at most).");

        var occurred = DateTimeOffset.UtcNow;
        if (occurredText is not null && !TryParseTime(occurredText, out occurred))
            return (null, "Field 'occurred_at' must be an ISO 8601 timestamp.");
        string? created = null;
        if (createdText is not null && TryParseTime(createdText, out var c)) created = Timestamps.Format(c);

        // Timestamps are normalized, so they compare correctly as text in the database.
        return (new UserEvent(eventId, type, id, email, name, plan, created, Timestamps.Format(occurred)), null);
    }

    private static bool TryParseTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
