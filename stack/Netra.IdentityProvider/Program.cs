using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

// The Google stand-in: an OpenID Connect provider with discovery, authorize (a sign-in page where a test
// identity types an email and a name), token, JWKS and userinfo. PKCE (S256) is required, codes are
// single-use and short-lived, redirect URIs must match exactly, and every email is verified.
string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v.Trim() : null;
var clientId = Env("IDP_CLIENT_ID") ?? "netra-auth";
var clientSecret = Env("IDP_CLIENT_SECRET") ?? "netra-dev-idp-secret-not-for-production";
var redirectUris = (Env("IDP_REDIRECT_URIS") ?? "http://localhost:8001/auth/callback")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var dbPath = Path.GetFullPath(Env("IDP_DB_PATH") ?? Path.Combine(AppContext.BaseDirectory, "..", "..", "data", "idp.db"));
Directory.CreateDirectory(Path.GetDirectoryName(dbPath)!);
if (File.Exists(dbPath)) File.Delete(dbPath); // a fresh store each start: keys are ephemeral anyway

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; o.UseUtcTimestamp = true; });
builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
builder.Logging.AddFilter("OpenIddict", LogLevel.Warning);
if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://localhost:8091");

builder.Services.AddDbContext<IdpDb>(o =>
{
    o.UseSqlite($"Data Source={dbPath}");
    o.UseOpenIddict();
});
builder.Services.AddOpenIddict()
    .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdpDb>())
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
        o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
        o.DisableAccessTokenEncryption();
        o.UseAspNetCore()
         .EnableAuthorizationEndpointPassthrough()
         .EnableUserInfoEndpointPassthrough()
         .DisableTransportSecurityRequirement(); // local stand-in over plain http
    });

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<IdpDb>().Database.EnsureCreatedAsync();
    var apps = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
    var client = new OpenIddictApplicationDescriptor
    {
        ClientId = clientId,
        ClientSecret = clientSecret,
        ClientType = ClientTypes.Confidential,
        DisplayName = "Netra",
        Permissions =
        {
            Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
            Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
            Permissions.Scopes.Email, Permissions.Scopes.Profile,
        },
        Requirements = { Requirements.Features.ProofKeyForCodeExchange },
    };
    foreach (var uri in redirectUris) client.RedirectUris.Add(new Uri(uri));
    await apps.CreateAsync(client);
}

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

public sealed class IdpDb(DbContextOptions<IdpDb> options) : DbContext(options);
