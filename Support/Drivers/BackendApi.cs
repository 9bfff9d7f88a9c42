using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>The backend over its REST contract: the user's profile and chat, in tasks.</summary>
public sealed class BackendApi(EnvironmentContext environment, ScenarioTranscript transcript)
    : ServiceDriver(environment.Endpoints.Backend, transcript)
{
    public Task<ApiResponse> ProfileAsync(string? accessToken) =>
        SendAsync(new RestRequest("/api/v1/users/profile").WithBearer(accessToken));

    /// <summary>Her profile as the platform knows it now; fails the step if the platform does not accept her token.</summary>
    public async Task<Profile> ProfileOfAsync(Person person) =>
        (await ProfileAsync(person.AccessToken)).ShouldSucceed($"the platform must accept {person.Alias}'s token").As<Profile>();

    /// <summary>
    /// Her profile once the platform knows her: a new user must be visible within <see cref="ContractWindows.NewUserVisible"/>
    /// of signing up. Polls, because the backend offers no notification of a user's arrival.
    /// </summary>
    public async Task<Profile> ProfileWhenKnownAsync(Person person)
    {
        var answer = await Eventually.UntilAsync(() => ProfileAsync(person.AccessToken), a => a.IsSuccess, ContractWindows.NewUserVisible, Eventually.Often);
        return answer.ShouldSucceed($"the platform must know {person.Alias} within {ContractWindows.NewUserVisible.TotalSeconds:0.#} s of her sign-up")
            .As<Profile>();
    }

    /// <summary>Her profile once it satisfies the condition, or as it is when the window has passed (for the step to judge).</summary>
    public async Task<Profile> ProfileOnceAsync(Person person, Func<Profile, bool> condition, TimeSpan within)
    {
        var answer = await Eventually.UntilAsync(() => ProfileAsync(person.AccessToken), a => a.IsSuccess && condition(a.As<Profile>()),
            within, Eventually.Often);
        return answer.ShouldSucceed($"the platform must accept {person.Alias}'s token").As<Profile>();
    }

    /// <summary>Tries to read a profile with the given token (or none); the answer is for the step to judge.</summary>
    public Task<ApiResponse> TryToReadProfileAsync(string? accessToken) => ProfileAsync(accessToken);

    public Task<ApiResponse> ChangeNameAsync(string? accessToken, string name) =>
        SendAsync(new RestRequest("/api/v1/users/profile", Method.Patch).WithBearer(accessToken).AddJsonBody(new { name }));

    public Task<ApiResponse> SendChatMessageAsync(string? accessToken, string message, string? threadId = null) =>
        SendAsync(new RestRequest("/api/v1/chat/message", Method.Post).WithBearer(accessToken)
            .AddJsonBody(new { message, thread_id = threadId }));

    /// <summary>Asks the agent through the API and keeps the answer with her (the question too).</summary>
    public async Task<ApiResponse> AskAsync(Person person, string question)
    {
        person.LastQuestion = question;
        var answer = await SendChatMessageAsync(person.AccessToken, question);
        person.ApiAnswers.Add(answer);
        return answer;
    }

    /// <summary>Sends a chat message whose body is given as it is (JSON or not).</summary>
    public Task<ApiResponse> SendRawChatMessageAsync(string? accessToken, string body) =>
        SendAsync(new RestRequest("/api/v1/chat/message", Method.Post).WithBearer(accessToken).AddStringBody(body, ContentType.Json));

    /// <summary>The backend's readiness, with the state of each dependency (for operators and load balancers).</summary>
    public Task<ApiResponse> ReadinessAsync() => SendAsync(new RestRequest("/health/ready"));
}
