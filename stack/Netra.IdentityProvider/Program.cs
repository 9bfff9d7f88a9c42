using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using System.Collections.Concurrent;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

// The Google stand-in: an OpenID Connect provider with discovery, authorize (a sign-in page where a test
// identity types an email and a name), token, JWKS and userinfo. PKCE (S256) is required, codes are
// single-use and short-lived, redirect URIs must match exactly, and every email is verified.
string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v.Trim() : null;
var clientId = Env("IDP_CLIENT_ID") ?? "netra-auth";
var clientSecret = Env("IDP_CLIENT_SECRET") ?? "netra-dev-idp-secret-not-for-production";
var redirectUris = (Env("IDP_REDIRECT_URIS") ?? "http://localhost:8001/auth/callback")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
// Degraded mode (no database): the one client is configured from the environment, codes are self-contained
// and their single use is enforced in memory. It starts in a fraction of the time of the EF Core stores.
// IDP_DB_PATH is accepted for a store-backed variant and unused here.
var redeemedCodes = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; o.UseUtcTimestamp = true; });
builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
builder.Logging.AddFilter("OpenIddict", LogLevel.Warning);
if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://localhost:8091");

builder.Services.AddOpenIddict()
    .AddServer(o =>
    {
        o.SetAuthorizationEndpointUris("o/oauth2/auth")
         .SetTokenEndpointUris("token")
         .SetUserInfoEndpointUris("userinfo")
         .SetJsonWebKeySetEndpointUris("oauth2/certs");
        o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
        o.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain)); // S256 only
        o.SetAuthorizationCodeLifetime(TimeSpan.FromSeconds(60));
        o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
        o.RegisterClaims(Claims.Email, Claims.EmailVerified, Claims.Name);
        // Ephemeral keys, cheap to make: RSA key generation costs seconds on a busy machine. Codes and access
        // tokens are encrypted with a random AES key; ID tokens are signed with a fresh P-256 key (ES256), published in the JWKS.
        o.AddEncryptionKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)));
        o.AddSigningKey(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) });
        o.EnableDegradedMode();
        // Exactly the registered client and, byte for byte, one of its registered redirect URIs.
        o.AddEventHandler<ValidateAuthorizationRequestContext>(h => h.UseInlineHandler(context =>
        {
            if (context.ClientId != clientId)
                context.Reject(Errors.InvalidClient, "The specified 'client_id' is not registered.");
            else if (!redirectUris.Contains(context.RedirectUri, StringComparer.Ordinal))
                context.Reject(Errors.InvalidRequest, "The specified 'redirect_uri' is not valid for this client application.");
            return default;
        }));
        // The client authenticates with its secret; each authorization code is redeemed at most once.
        o.AddEventHandler<ValidateTokenRequestContext>(h => h.UseInlineHandler(context =>
        {
            if (context.ClientId != clientId || context.ClientSecret is null ||
                !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(context.ClientSecret), Encoding.UTF8.GetBytes(clientSecret)))
            {
                context.Reject(Errors.InvalidClient, "The client credentials are invalid.");
                return default;
            }
            if (context.Request.IsAuthorizationCodeGrantType())
            {
                var now = DateTimeOffset.UtcNow;
                foreach (var (code, at) in redeemedCodes)
                    if (now - at > TimeSpan.FromMinutes(5)) redeemedCodes.TryRemove(code, out _);
                if (context.Request.Code is { } presented && !redeemedCodes.TryAdd(presented, now))
                    context.Reject(Errors.InvalidGrant, "The specified authorization code has already been redeemed.");
            }
            return default;
        }));
        o.DisableAccessTokenEncryption();
        o.UseAspNetCore()
         .EnableAuthorizationEndpointPassthrough()
         .EnableUserInfoEndpointPassthrough()
         .DisableTransportSecurityRequirement(); // local stand-in over plain http
    });

var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "healthy", service = "identity-provider" }));

// The sign-in page: GET shows it, POST signs the typed identity in (or cancels).
app.MapMethods("/o/oauth2/auth", ["GET", "POST"], async (HttpContext ctx) =>
{
    var request = ctx.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an authorization request.");
    if (!HttpMethods.IsPost(ctx.Request.Method) || !ctx.Request.Form.ContainsKey("action"))
        return Results.Content(SignInPage(request, null), "text/html; charset=utf-8");

    if (ctx.Request.Form["action"] == "cancel")
        return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user cancelled the sign-in.",
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    var email = ctx.Request.Form["email"].ToString().Trim().ToLowerInvariant();
    var name = ctx.Request.Form["name"].ToString().Trim();
    if (email.Length < 3 || !email.Contains('@') || name.Length == 0)
        return Results.Content(SignInPage(request, "Enter an email address and a name."), "text/html; charset=utf-8");

    var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
    identity.SetClaim(Claims.Subject, SubjectFor(email))
            .SetClaim(Claims.Email, email)
            .SetClaim(Claims.Name, name)
            .SetClaim(Claims.EmailVerified, true);
    identity.SetScopes(request.GetScopes());
    identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
    return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
});

app.MapMethods("/userinfo", ["GET", "POST"], async (HttpContext ctx) =>
{
    var result = await ctx.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    if (!result.Succeeded) return Results.Challenge(null, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    var p = result.Principal!;
    return Results.Json(new
    {
        sub = p.GetClaim(Claims.Subject),
        email = p.GetClaim(Claims.Email),
        email_verified = true,
        name = p.GetClaim(Claims.Name),
    });
});

app.Logger.LogInformation("identity provider: client {ClientId}, redirect URIs {Uris}", clientId, string.Join(",", redirectUris));
app.Run();

// Google's subject is a stable opaque number per account; here it is derived from the email.
static string SubjectFor(string email) =>
    "1" + string.Concat(SHA256.HashData(Encoding.UTF8.GetBytes(email)).Take(10).Select(b => (b % 10).ToString()));

static string SignInPage(OpenIddictRequest request, string? error)
{
    var h = HtmlEncoder.Default;
    var hidden = new StringBuilder();
    foreach (var (key, value) in request.GetParameters())
        hidden.Append($"<input type=\"hidden\" name=\"{h.Encode(key)}\" value=\"{h.Encode(value.ToString() ?? "")}\">");
    return $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Sign in - Google (stand-in)</title></head>
        <body>
          <h1>Sign in with Google</h1>
          <p>to continue to Netra</p>
          {{(error is null ? "" : $"<p role=\"alert\" data-testid=\"idp-error\">{h.Encode(error)}</p>")}}
          <form method="post" action="/o/oauth2/auth">
            {{hidden}}
            <label>Email <input type="email" name="email" data-testid="idp-email"></label>
            <label>Name <input type="text" name="name" data-testid="idp-name"></label>
            <button type="submit" name="action" value="signin" data-testid="idp-signin">Sign in</button>
            <button type="submit" name="action" value="cancel" data-testid="idp-cancel">Cancel</button>
          </form>
        </body></html>
        """;
}


