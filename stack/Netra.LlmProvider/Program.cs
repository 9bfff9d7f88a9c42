using System.Runtime.InteropServices;
using Netra.LlmProvider;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

// The stand-in listens where ASPNETCORE_URLS says (as every stack service does), by default :8090.
var urls = (Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is { Length: > 0 } configured ? configured : "http://localhost:8090")
    .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

var server = WireMockServer.Start(new WireMockServerSettings
{
    Urls = urls,
    // The admin interface (/__admin/mappings, /__admin/requests...) is how a test controls the answers.
    StartAdminInterface = true,
    ReadStaticMappings = false,
    Logger = new RequestLineLogger(),
    // Keeps the request journal bounded (it is only for looking at what the backend sent).
    MaxRequestLogCount = 500,
});

// The defaults sit at the lowest priority (WireMock: a higher number loses), so any mapping a test
// adds through the admin interface wins for the requests it matches.
server.Given(Request.Create().WithPath("/v1/models").UsingGet())
    .AtPriority(Defaults.Priority)
    .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new
    {
        @object = "list",
        data = new[] { new { id = ChatCompletions.DefaultModel, @object = "model", created = 0, owned_by = "netra" } },
    }));

// The deterministic default answer: it quotes the question (see ChatCompletions).
server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
    .AtPriority(Defaults.Priority)
    .RespondWith(Response.Create().WithCallback(request =>
    {
        var authorization = request.Headers is { } headers && headers.TryGetValue("Authorization", out var values) ? values.FirstOrDefault() : null;
        var (status, json) = ChatCompletions.Respond(authorization, request.Body);
        return Defaults.Json(status, json);
    }));

// Answer one completion before reporting healthy, so that the first real call does not pay for JIT
// and WireMock's warm-up (which, on a loaded machine, can exceed a short LLM_TIMEOUT_SECONDS).
using (var warmUp = new HttpClient { BaseAddress = new Uri(server.Urls[0]), Timeout = TimeSpan.FromSeconds(30) })
{
    warmUp.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "warm-up");
    using var response = await warmUp.PostAsync("/v1/chat/completions", new StringContent(
        """{"messages":[{"role":"user","content":"warm-up"}]}""", System.Text.Encoding.UTF8, "application/json"));
}

server.Given(Request.Create().WithPath("/health").UsingGet())
    .AtPriority(Defaults.Priority)
    .RespondWith(Response.Create().WithStatusCode(200)
        .WithBodyAsJson(new { status = "healthy", service = "llm-provider-standin" }));

Console.WriteLine($"llm-provider-standin: listening on {string.Join(", ", server.Urls)}; admin interface at /__admin");

// Run until SIGTERM or Ctrl+C, then stop the server.
var stop = new TaskCompletionSource();
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
await stop.Task;
server.Stop();
Console.WriteLine("llm-provider-standin: stopped");
return 0;

internal static class Defaults
{
    public const int Priority = 1_000_000;

    public static ResponseMessage Json(int status, string json) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = json, DetectedBodyType = BodyType.String, Encoding = System.Text.Encoding.UTF8 },
    };
}
