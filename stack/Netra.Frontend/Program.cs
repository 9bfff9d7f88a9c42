using Netra.Shared.Http;
using Netra.Shared.Logging;
using System.Diagnostics;

// Content and web root next to the dll, so `dotnet artifacts/stack/Netra.Frontend/Netra.Frontend.dll`
// serves the same files from any working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});

// One line per entry, with the trace id of the call it belongs to (Netra.Shared).
builder.Logging.AddNetraConsole("yyyy-MM-ddTHH:mm:ss.fff ");
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    // Kestrel's own refusals (414, 431, a malformed request) get a problem body like every other refusal.
    k.UseProblemDetailsForServerRefusals();
});

string? Env(string name) => builder.Configuration[name] is { Length: > 0 } v ? v.Trim() : null;
var authUrl = (Env("AUTH_URL") ?? "http://localhost:8001").TrimEnd('/');
var backendUrl = (Env("BACKEND_URL") ?? "http://localhost:8000").TrimEnd('/');
var wsUrl = ToWebSocketUrl(backendUrl) + "/ws";
var contentSecurityPolicy = string.Join("; ",
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    $"connect-src 'self' {Origin(authUrl)} {Origin(backendUrl)} {Origin(wsUrl)}",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'");

var app = builder.Build();
var requestLog = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Netra.Frontend");
var webRoot = app.Environment.WebRootPath;

// One log line per request, and security headers on every answer.
app.Use(async (context, next) =>
{
    var started = Stopwatch.GetTimestamp();
    var headers = context.Response.Headers;
    headers.ContentSecurityPolicy = contentSecurityPolicy;
    headers.XContentTypeOptions = "nosniff";
    headers.XFrameOptions = "DENY";
    headers["Referrer-Policy"] = "no-referrer"; // tokens travel in URL fragments on /auth/callback
    // No build step means no hashed file names: let browsers revalidate instead of caching stale scripts.
    headers.CacheControl = "no-cache";
    try
    {
        await next(context);
    }
    finally
    {
        requestLog.LogInformation("{Method} {Path} {Status} {ElapsedMs:0.0}ms",
            Clean(context.Request.Method), Clean(context.Request.Path.Value), context.Response.StatusCode,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
});
// Bodiless answers (an unknown page, a wrong method) get a problem with a detail, as the other services' do.
app.UseStatusCodePages(async status =>
{
    var http = status.HttpContext;
    var code = http.Response.StatusCode;
    var detail = code == StatusCodes.Status404NotFound
        ? $"There is no page at '{Clean(http.Request.Path.Value)}'."
        : Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code);
    await Results.Problem(detail: detail, statusCode: code).ExecuteAsync(http);
});
app.UseStaticFiles();

app.MapGet("/health", () => Results.Ok(new { status = "healthy", service = "netra-frontend" }));
app.MapGet("/config.json", (HttpContext context) =>
{
    context.Response.Headers.CacheControl = "no-store";
    return Results.Json(new { authUrl, backendUrl, wsUrl });
});

// The server cannot see the token in localStorage; /chat sends visitors without one on to /login.
app.MapGet("/", () => Results.Redirect("/chat"));

var pages = new Dictionary<string, string>
{
    ["/login"] = "login.html",
    ["/signup"] = "signup.html",
    ["/chat"] = "chat.html",
    ["/logout"] = "logout.html",
    ["/auth/callback"] = "auth-callback.html",
    ["/auth/error"] = "auth-error.html",
};
foreach (var (route, file) in pages)
{
    var path = Path.Combine(webRoot, file);
    app.MapGet(route, () => Results.File(path, "text/html; charset=utf-8"));
}

app.Run();

static string ToWebSocketUrl(string httpUrl) =>
    httpUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + httpUrl["https://".Length..]
    : httpUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "ws://" + httpUrl["http://".Length..]
    : httpUrl;

static string Origin(string url) =>
    Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.GetLeftPart(UriPartial.Authority) : "";

static string Clean(string? text) =>
    string.IsNullOrEmpty(text) ? "" : new string(text.Take(200).Select(c => char.IsControl(c) ? '?' : c).ToArray());
