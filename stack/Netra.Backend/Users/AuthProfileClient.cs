using System.Net.Http.Json;
using System.Text.Json;
using Netra.Backend.Infrastructure;

namespace Netra.Backend.Users;

/// <summary>The outcome of asking auth to change a name: the user as auth now has it, or the problem to answer with.</summary>
public sealed record NameChange(UserRecord? User, IResult? Problem, bool TokenRefused = false);

/// <summary>
/// Changes a user's name where users are owned: PATCH {AUTH_URL}/auth/me with the caller's own bearer token
/// (docs/stack-interface.md, decisions). The backend never changes a name on its own, so its copy cannot drift.
/// </summary>
public sealed class AuthProfileClient(BackendSettings settings, IHttpClientFactory clients, ILogger<AuthProfileClient> log)
{
    public const string HttpClientName = "auth-profile";

    public const string Unavailable = "The sign-in service is unavailable, so your name was not changed; try again shortly.";

    public async Task<NameChange> ChangeNameAsync(string authorization, string name, CancellationToken ct)
    {
        if (settings.AuthUrl is null) return new(null, ServiceUnavailable());
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Patch, $"{settings.AuthUrl}/auth/me")
            {
                Content = JsonContent.Create(new { name }),
            };
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            using var doc = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            var body = doc.RootElement;
            var status = (int)response.StatusCode;

            if (response.IsSuccessStatusCode)
                return new(new UserRecord(Str(body, "user_id") ?? "", Str(body, "email") ?? "", Str(body, "name"),
                    Str(body, "plan_tier") ?? "free", Str(body, "created_at") ?? Timestamps.Now()), null);
            if (status is 400 or 401 or 415 or 422)
                // The caller's own fault, as auth judged it: same status, auth's words.
                return new(null, Problems.Create(status, Str(body, "detail") ?? "The sign-in service refused the change."), TokenRefused: status == 401);
            log.LogWarning("auth answered {Status} to PATCH /auth/me; the name was not changed", status);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            log.LogWarning("auth unreachable for a name change: {Error}", ex.Message);
        }
        return new(null, ServiceUnavailable());
    }

    private static IResult ServiceUnavailable() => Problems.Create(StatusCodes.Status503ServiceUnavailable, Unavailable);

    private static string? Str(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
