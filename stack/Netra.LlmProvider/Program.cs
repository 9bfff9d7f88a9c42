using System.Diagnostics;
using Netra.LlmProvider;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory, // runs the same from any working directory
});
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o =>
{
    o.SingleLine = true;
    o.TimestampFormat = "HH:mm:ss.fff ";
    o.UseUtcTimestamp = true;
});
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
    builder.WebHost.UseUrls("http://localhost:8090");
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

var app = builder.Build();
var requests = app.Logger;

// One line per request: method, path, status, milliseconds.
app.Use(async (ctx, next) =>
{
    var started = Stopwatch.GetTimestamp();
    try { await next(ctx); }
    finally
    {
        requests.LogInformation("{Method} {Path} {Status} {Elapsed:0}ms", ctx.Request.Method, ctx.Request.Path.Value,
            ctx.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
});
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandler = ctx =>
    {
        var error = ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
        return (error is BadHttpRequestException bad
            ? OpenAiError.Result(bad.StatusCode, bad.Message)
            : OpenAiError.Result(500, "The stand-in failed unexpectedly.")).ExecuteAsync(ctx);
    },
});
app.UseStatusCodePages(sc => OpenAiError.Result(sc.HttpContext.Response.StatusCode,
    $"No route {sc.HttpContext.Request.Method} {sc.HttpContext.Request.Path}.").ExecuteAsync(sc.HttpContext));

app.MapGet("/health", () => Results.Ok(new { status = "healthy", service = "llm-provider-standin" }));
app.MapGet("/v1/models", () => Results.Ok(new
{
    @object = "list",
    data = new[] { new { id = ChatCompletions.DefaultModel, @object = "model", created = 0, owned_by = "netra" } },
}));
// Cast: a bare Func<HttpContext, Task<IResult>> would bind as a RequestDelegate and drop the result.
app.MapPost("/v1/chat/completions", (Delegate)ChatCompletions.HandleAsync);

app.Run();
