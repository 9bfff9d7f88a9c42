using Netra.Shared.Http;
using Netra.Shared.Logging;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Netra.Backend.Agents;
using Netra.Backend.Auth;
using Netra.Backend.Billing;
using Netra.Backend.Chat;
using Netra.Backend.Health;
using Netra.Backend.Infrastructure;
using Netra.Backend.RateLimiting;
using Netra.Backend.Threads;
using Netra.Backend.Users;
using Netra.Backend.WebSockets;

// Content root = the dll's folder, so `dotnet artifacts/stack/Netra.Backend/Netra.Backend.dll` works from anywhere.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});

var settings = BackendSettings.Load(builder.Configuration, builder.Environment.ContentRootPath, out var configError);
if (settings is null)
{
    Console.Error.WriteLine($"netra-backend: refusing to start: {configError}");
    return 1;
}

// One line per entry, with the trace id of the call it belongs to (Netra.Shared).
builder.Logging.AddNetraConsole("yyyy-MM-ddTHH:mm:ss.fff ");
// Our own request line replaces ASP.NET Core's per-request start/finish messages.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    k.Limits.MaxRequestBodySize = 1024 * 1024;
    // Kestrel's own refusals (414, 431, a malformed request) get a problem body like every other refusal.
    k.UseProblemDetailsForServerRefusals();
});

var services = builder.Services;
services.AddSingleton(settings);
services.AddSingleton<Database>();
services.AddSingleton<UserStore>();
services.AddSingleton<ThreadStore>();
services.AddSingleton<UserHoldingsStore>();
services.AddSingleton<AuthProfileClient>();
services.AddHttpClient(AuthProfileClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(5));
services.AddSingleton<ServiceCredentials>();
services.AddSingleton<ITokenRevocationCheck, AuthServiceRevocationCheck>();
services.AddHttpClient(AuthServiceRevocationCheck.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(5));
services.AddSingleton<ConnectionTokens>();
services.AddHostedService<ConnectionRevalidationService>();
services.AddSingleton<AccessTokenValidator>();
services.AddSingleton<ConnectionRegistry>();
services.AddSingleton<AgentRunner>();
services.AddSingleton<UsageStore>();
services.AddSingleton<ChatRateLimiter>();
services.AddHttpClient<LlmClient>(c =>
{
    c.Timeout = Timeout.InfiniteTimeSpan; // LlmClient applies LLM_TIMEOUT_SECONDS itself
    c.MaxResponseContentBufferSize = 4 * 1024 * 1024;
});
services.AddHttpClient(HealthEndpoints.AuthHttpClient, c => c.Timeout = TimeSpan.FromSeconds(1.5));

// AddAuthenticationCore rather than AddAuthentication: the latter also sets up Data Protection
// (cookie keys written to disk at startup), which bearer tokens do not need.
services.AddAuthenticationCore(o => o.DefaultScheme = BearerAuthenticationHandler.SchemeName);
services.AddWebEncoders();
services.AddSingleton(TimeProvider.System);
new AuthenticationBuilder(services)
    .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
services.AddAuthorization();

services.AddCors(o => o.AddDefaultPolicy(p => p
    .WithOrigins([.. settings.AllowedOrigins])
    .AllowAnyHeader()
    .AllowAnyMethod()
    .WithExposedHeaders("Location", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")));

services.AddProblemDetails();
services.AddExceptionHandler<DatabaseUnavailableHandler>();
services.ConfigureHttpJsonOptions(o => JsonDefaults.Apply(o.SerializerOptions));

var app = builder.Build();

var startupLog = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Netra.Backend");
var database = app.Services.GetRequiredService<Database>();
await database.TryPrepareAsync(startupLog);
startupLog.LogInformation("database {Database}; allowed origins {Origins}; LLM provider {Llm}",
    database.Description, string.Join(",", settings.AllowedOrigins), settings.LlmBaseUrl);
if (settings.ServiceSecret is null)
    startupLog.LogWarning("SERVICE_SECRET is not set: user events from the auth service will be refused");
// Warm the token validator off the startup path: the first real request then validates in well under 50 ms.
_ = Task.Run(() => app.Services.GetRequiredService<AccessTokenValidator>().WarmUp());

app.UseMiddleware<RequestLogging>();
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    // Malformed requests that Kestrel or the framework reject (bad framing, body too large...) are
    // the client's fault: keep their 4xx instead of turning them into a 500.
    StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode
        : Database.IsUnavailable(ex) ? StatusCodes.Status503ServiceUnavailable
        : StatusCodes.Status500InternalServerError,
});
// Bodiless answers (router 404/405) become problems with a detail too.
app.UseStatusCodePages(async ctx =>
{
    var http = ctx.HttpContext;
    var path = LogText.Clean(http.Request.Path.Value, 200);
    var status = http.Response.StatusCode;
    var detail = status switch
    {
        StatusCodes.Status404NotFound => $"There is no endpoint at '{path}'.",
        StatusCodes.Status405MethodNotAllowed => $"Method {LogText.Clean(http.Request.Method, 16)} is not allowed on '{path}'.",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
    };
    await Problems.Create(status, detail).ExecuteAsync(http);
});
app.UseCors();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<RateLimitMiddleware>();

app.MapHealthEndpoints();
app.MapUserEndpoints();
app.MapInternalUserEndpoints();
app.MapThreadEndpoints();
app.MapChatEndpoints();
app.MapWebSocketEndpoint();
app.MapBillingEndpoints();

app.Run();
return 0;
