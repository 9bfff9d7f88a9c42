using Netra.Shared.Http;
using Netra.Shared.Logging;
using Netra.Auth;

AuthSettings settings;
try
{
    settings = AuthSettings.FromEnvironment();
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine($"netra-auth: cannot start: {ex.Message}");
    return 1;
}

// Content root = the dll's folder, so the service runs the same from any working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});

// One line per entry, with the trace id of the call it belongs to (Netra.Shared).
builder.Logging.AddNetraConsole("HH:mm:ss.fff ");
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
    builder.WebHost.UseUrls("http://localhost:8001");
builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    k.Limits.MaxRequestBodySize = JsonBody.MaxBytes;
    // Kestrel's own refusals (414, 431, a malformed request) get a problem body like every other refusal.
    k.UseProblemDetailsForServerRefusals();
});

builder.Services.AddProblemDetails();
builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
    .WithOrigins(settings.AllowedOrigins)
    .AllowAnyHeader()
    .AllowAnyMethod()
    .WithExposedHeaders("Retry-After", "WWW-Authenticate")));

builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(new AuthDb(settings.DbPath));
builder.Services.AddSingleton<TokenService>();
// AddAuthenticationCore rather than AddAuthentication, as in the backend: no Data Protection is needed for a bearer scheme.
builder.Services.AddAuthenticationCore(o => o.DefaultScheme = AccessTokenAuthenticationHandler.SchemeName);
builder.Services.AddWebEncoders();
new Microsoft.AspNetCore.Authentication.AuthenticationBuilder(builder.Services)
    .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, null);
// The scheme runs only for endpoints that require a signed-in caller (no UseAuthentication): logout and the rest
// read the bearer token themselves, and would otherwise have it checked twice.
builder.Services.AddAuthorization(o => o.DefaultPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(AccessTokenAuthenticationHandler.SchemeName)
    .RequireAuthenticatedUser().Build());
builder.Services.AddSingleton<PasswordService>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ILoginThrottle, SlidingWindowLoginThrottle>();
builder.Services.AddSingleton<UserEventDispatcher>();
builder.Services.AddHostedService<OutboxRetryService>();
builder.Services.AddSingleton(GoogleSettings.FromEnvironment());
builder.Services.AddSingleton<GoogleProvider>();

var app = builder.Build();

app.Services.GetRequiredService<AuthDb>().EnsureSchema();
SsoStore.EnsureSchema(app.Services.GetRequiredService<AuthDb>());
if (settings.ServiceSecret is null)
    app.Logger.LogWarning("SERVICE_SECRET is not set: /auth/validate refuses every caller and user events go out unauthenticated");

app.UseMiddleware<RequestLogging>();
app.UseProblemErrorHandling();
app.UseCors();
app.UseAuthorization();

app.MapHealthEndpoints();
app.MapAccountEndpoints();
app.MapTokenEndpoints();
app.MapAdminEndpoints();
app.MapProfileEndpoints();
app.MapAccountDeletionEndpoints();
app.MapUserEventEndpoints();
app.MapSsoEndpoints();

app.Logger.LogInformation("auth-service: database {Db}, backend {Backend}", settings.DbPath, settings.BackendUrl ?? "(none: events stay in the outbox)");
app.Run();
return 0;
