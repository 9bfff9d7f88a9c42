using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Netra.Auth.Sso;

/// <summary>
/// GET /auth/config, GET /auth/login?provider=google and GET /auth/callback: sign-in with Google by the
/// authorization-code flow with state, nonce and PKCE (S256), all kept server-side and used once.
/// Decision: a Google identity whose verified email matches an existing (password) account is linked to
/// that account, not refused and not duplicated; the provider vouches for the email.
/// </summary>
public static class SsoEndpoints
{
    public const string Provider = "google";

    public static void MapSsoEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/auth/config", (GoogleSettings google) => Results.Ok(new
        {
            oauth_enabled = google.Enabled,
            providers = google.Enabled ? new[] { Provider } : [],
            endpoints = new
            {
                login = "/auth/login", register = "/auth/register", refresh = "/auth/refresh", logout = "/auth/logout",
                me = "/auth/me", callback = "/auth/callback", google_login = "/auth/login?provider=google",
            },
        }));
        app.MapGet("/auth/login", StartAsync);
        app.MapGet("/auth/callback", CallbackAsync);
    }

    private static async Task<IResult> StartAsync(HttpContext ctx, GoogleSettings google, GoogleProvider provider, AuthDb db)
    {
        var name = ctx.Request.Query["provider"].ToString();
        if (name != Provider) return Problems.Of(StatusCodes.Status400BadRequest, $"Unknown sign-in provider '{Clip(name)}'; supported: {Provider}.");
        if (!google.Enabled) return Problems.Of(StatusCodes.Status400BadRequest, "Google sign-in is not configured on this auth service.");

        string authorize;
        try
        {
            authorize = await provider.AuthorizationEndpointAsync();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            return Problems.Of(StatusCodes.Status502BadGateway, "The Google sign-in provider cannot be reached; try again shortly.");
        }

        var pending = new PendingSignIn(Random(32), Random(32), Random(48), SqliteExtensions.NowMs());
        await db.WriteAsync(async (conn, tx) =>
        {
            // Forget sign-ins that were never completed.
            await conn.Command("DELETE FROM oauth_states WHERE created_at < $cutoff", tx,
                ("$cutoff", SqliteExtensions.NowMs() - (long)google.StateLifetime.TotalMilliseconds)).ExecuteNonQueryAsync();
            await SsoStore.SaveAsync(conn, tx, pending);
            return 0;
        });
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(pending.CodeVerifier)));
        var url = QueryHelpers.AddQueryString(authorize, new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = google.ClientId,
            ["redirect_uri"] = google.RedirectUri,
            ["scope"] = "openid email profile",
            ["state"] = pending.State,
            ["nonce"] = pending.Nonce,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });
        ctx.Response.Headers.CacheControl = "no-store";
        return Results.Redirect(url);
    }

    private static async Task<IResult> CallbackAsync(HttpContext ctx, GoogleSettings google, GoogleProvider provider, AuthDb db,
        AuthSettings settings, TokenService tokens, UserEventDispatcher events, ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger("Netra.Auth.Sso");
        var frontend = settings.FrontendUrl ?? "";
        ctx.Response.Headers.CacheControl = "no-store";
        IResult Fail(string error)
        {
            log.LogWarning("Google sign-in refused: {Error}", error);
            return Results.Redirect($"{frontend}/auth/error?error={Uri.EscapeDataString(error)}");
        }

        var state = ctx.Request.Query["state"].ToString();
        if (state.Length == 0 || state.Length > 200) return Fail("invalid_state");
        var pending = await db.WriteAsync((conn, tx) => SsoStore.TakeAsync(conn, tx, state));
        if (pending is null || SqliteExtensions.NowMs() - pending.CreatedAtMs > google.StateLifetime.TotalMilliseconds)
            return Fail("invalid_state");

        var providerError = ctx.Request.Query["error"].ToString();
        if (providerError.Length > 0)
            return Fail(providerError == "access_denied" ? "access_denied" : "provider_error");
        var code = ctx.Request.Query["code"].ToString();
        if (code.Length == 0) return Fail("invalid_request");

        var (identity, error) = await provider.RedeemAsync(code, pending.CodeVerifier, pending.Nonce);
        if (identity is null) return Fail(error!);
        if (!identity.EmailVerified) return Fail("email_not_verified");

        var email = EmailAddress.Normalize(identity.Email);
        var (user, pair) = await db.WriteAsync(async (conn, tx) =>
        {
            UserRecord? user = null;
            if (await SsoStore.FindLinkedUserAsync(conn, tx, Provider, identity.Subject) is { } linkedId)
                user = await UserStore.FindByIdAsync(conn, linkedId, tx);
            if (user is null)
            {
                user = await UserStore.FindByEmailAsync(conn, email, tx);
                if (user is null)
                {
                    var name = string.IsNullOrWhiteSpace(identity.Name) ? EmailAddress.NameFrom(email) : identity.Name.Trim();
                    user = new UserRecord(Guid.NewGuid().ToString(), email, name.Length > 100 ? name[..100] : name, PasswordHash: null,
                        PlanTier: "free", Permissions: ["chat"], AuthProvider: Provider, CreatedAt: DateTimeOffset.UtcNow);
                    await UserStore.InsertAsync(conn, tx, user);
                    await Outbox.EnqueueAsync(conn, tx, UserEventTypes.Created, user);
                }
                await SsoStore.LinkAsync(conn, tx, Provider, identity.Subject, user.Id);
            }
            var sessionId = await SessionStore.CreateSessionAsync(conn, tx, user.Id);
            var issued = tokens.CreatePair(user);
            await SessionStore.RecordAsync(conn, tx, sessionId, user.Id, issued);
            return (user, issued);
        });

        var delivery = events.DeliverForUserAsync(user.Id);
        await Task.WhenAny(delivery, Task.Delay(TimeSpan.FromSeconds(2)));
        log.LogInformation("Google sign-in of user {UserId}", user.Id);
        // Fragment, not query: the tokens stay out of server logs and Referer headers.
        return Results.Redirect($"{frontend}/auth/callback#access_token={Uri.EscapeDataString(pair.AccessToken)}&refresh_token={Uri.EscapeDataString(pair.RefreshToken)}");
    }

    private static string Random(int bytes) => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(bytes));

    private static string Clip(string s) => new(s.Take(40).Where(c => !char.IsControl(c)).ToArray());
}
