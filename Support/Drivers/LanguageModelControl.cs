using System.Net;
using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>How the language model provider lets a run down.</summary>
public enum ProviderFailure
{
    /// <summary>It answers with a server error (HTTP 503).</summary>
    ServerError,
    /// <summary>It answers, but only after the backend has given up waiting.</summary>
    TooSlow,
    /// <summary>It answers with a body that is not a completion at all.</summary>
    Unreadable,
}

/// <summary>
/// Directs the LLM provider's stand-in through WireMock's standard admin interface
/// (<c>/__admin/mappings</c>): the next answers (text and token usage) or a failure, for ONE user.
/// Isolation: every mapping matches only completions whose OpenAI <c>user</c> field is that user's
/// id (the backend names the end user on each call; docs/stack-interface.md). Each scenario's people
/// are fresh accounts, so scenarios running in parallel never see each other's answers. Mappings
/// outrank the stand-in's default answer and are removed when the scenario ends.
/// </summary>
public sealed class LanguageModelControl(EnvironmentContext environment, ScenarioTranscript transcript) : IAsyncDisposable
{
    /// <summary>Answers set by a scenario; failures outrank them.</summary>
    private const int AnswerPriority = 10;
    private const int FailurePriority = 5;
    private const string CompletionsPath = "/v1/chat/completions";

    private readonly List<string> _mappings = [];
    private RestClient? _admin;

    public bool IsAvailable => environment.Endpoints.LlmProvider is not null;

    /// <summary>
    /// Leaves the scenario out, with the reason in the test report, when the environment has no
    /// controllable LLM provider (an attached environment without NETRA_LLM_PROVIDER_URL).
    /// </summary>
    public void RequireAvailable()
    {
        if (!IsAvailable)
            LeftOut.Because("Left out: this scenario directs the language model provider, and this environment has none the suite can control. " +
                        "Set NETRA_LLM_PROVIDER_URL to the stand-in the backend uses (WireMock admin interface) to run it.");
    }

    /// <summary>From now on the model answers her questions with this answer, which she then expects.</summary>
    public async Task AnswerAsync(Person person, ModelAnswer answer)
    {
        await AnswerAsync(UserIdOf(person), answer.Text, answer.PromptTokens, answer.CompletionTokens);
        person.ModelAnswer = answer;
    }

    /// <summary>The model is directed per account: she needs one (and the environment a controllable model).</summary>
    public string UserIdOf(Person person)
    {
        RequireAvailable();
        return person.UserId ?? throw new InvalidOperationException($"{person.Alias} has no account yet; give her one first.");
    }

    /// <summary>From now on the model answers this user's questions with this text and token usage.</summary>
    public Task AnswerAsync(string userId, string text, int promptTokens, int completionTokens) =>
        AddMappingAsync(new
        {
            Title = $"acceptance: answers for user {userId}",
            Priority = AnswerPriority,
            Request = ForUser(userId),
            Response = new
            {
                StatusCode = 200,
                Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
                BodyAsJson = new Dictionary<string, object>
                {
                    ["id"] = $"chatcmpl-acceptance-{Guid.NewGuid():N}",
                    ["object"] = "chat.completion",
                    ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["model"] = "netra-standin",
                    ["choices"] = new object[]
                    {
                        new Dictionary<string, object>
                        {
                            ["index"] = 0,
                            ["message"] = new Dictionary<string, object> { ["role"] = "assistant", ["content"] = text },
                            ["finish_reason"] = "stop",
                        },
                    },
                    ["usage"] = new Dictionary<string, object>
                    {
                        ["prompt_tokens"] = promptTokens,
                        ["completion_tokens"] = completionTokens,
                        ["total_tokens"] = promptTokens + completionTokens,
                    },
                },
            },
        });

    /// <summary>
    /// The model lets this user down when asked this question (matched on the user and the question
    /// the backend passes on as the user message); other questions are answered as before.
    /// </summary>
    public Task FailOnAsync(string userId, string question, ProviderFailure failure)
    {
        object response = failure switch
        {
            ProviderFailure.ServerError => new
            {
                StatusCode = 503,
                Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
                BodyAsJson = new { error = new { message = "The server is overloaded. Please try again later.", type = "server_error" } },
            },
            ProviderFailure.TooSlow => new
            {
                StatusCode = 200,
                Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
                // Past the backend's timeout, with a margin; not much longer, so nothing lingers after the scenario.
                Delay = (int)(environment.Environment.LlmTimeout + TimeSpan.FromSeconds(1.5)).TotalMilliseconds,
                BodyAsJson = new { choices = new[] { new { message = new { role = "assistant", content = "This answer comes too late." } } } },
            },
            ProviderFailure.Unreadable => new
            {
                StatusCode = 200,
                Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
                Body = "{\"choices\": [ this is not JSON",
            },
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
        };
        return AddMappingAsync(new
        {
            Title = $"acceptance: {failure} for user {userId} on one question",
            Priority = FailurePriority,
            Request = ForUser(userId, question),
            Response = response,
        });
    }

    /// <summary>
    /// The model answers this user's question normally, but only after <paramref name="delay"/> (within
    /// the backend's patience): the run is in progress meanwhile, for a scenario to disturb.
    /// </summary>
    public Task AnswerSlowlyAsync(string userId, string question, TimeSpan delay) =>
        AddMappingAsync(new
        {
            Title = $"acceptance: a slow answer for user {userId} on one question",
            Priority = FailurePriority,
            Request = ForUser(userId, question),
            Response = new
            {
                StatusCode = 200,
                Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
                Delay = (int)delay.TotalMilliseconds,
                BodyAsJson = new
                {
                    choices = new[] { new { index = 0, message = new { role = "assistant", content = "A considered answer." }, finish_reason = "stop" } },
                    usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
                },
            },
        });

    private static object ForUser(string userId) => new
    {
        Path = CompletionsPath,
        Methods = new[] { "POST" },
        Body = new { Matcher = UserMatcher(userId) },
    };

    private static object ForUser(string userId, string question) => new
    {
        Path = CompletionsPath,
        Methods = new[] { "POST" },
        Body = new
        {
            MatchOperator = "And",
            Matchers = new object[]
            {
                UserMatcher(userId),
                new
                {
                    Name = "JsonPathMatcher",
                    Pattern = $"$.messages[?(@.role == 'user' && @.content == '{question.Replace("\\", "\\\\").Replace("'", "\\'")}')]",
                },
            },
        },
    };

    private static object UserMatcher(string userId) => new { Name = "JsonPartialMatcher", Pattern = new { user = userId } };

    private async Task AddMappingAsync(object mapping)
    {
        RequireAvailable();
        var answer = ApiResponse.From(await Admin.ExecuteAsync(new RestRequest("/__admin/mappings", Method.Post)
            .AddStringBody(System.Text.Json.JsonSerializer.Serialize(mapping), ContentType.Json)));
        if (answer.Status != HttpStatusCode.Created && !answer.IsSuccess)
            throw new InvalidOperationException($"The LLM provider's admin interface refused a mapping ({answer.Status}): {answer.Body}");
        _mappings.Add(answer["Guid"] ?? throw new InvalidOperationException($"The LLM provider's admin interface returned no mapping id: {answer.Body}"));
    }

    private RestClient Admin => _admin ??= new RestClient(new RestClientOptions(environment.Endpoints.LlmProvider!)
    {
        ConfigureMessageHandler = inner => new RecordingHandler(inner, transcript),
        Timeout = TimeSpan.FromSeconds(10),
        ThrowOnAnyError = false,
    });

    public async ValueTask DisposeAsync()
    {
        if (_admin is null) return;
        foreach (var id in _mappings)
            await _admin.ExecuteAsync(new RestRequest($"/__admin/mappings/{id}", Method.Delete));
        _admin.Dispose();
    }
}
