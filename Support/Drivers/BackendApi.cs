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
    public async Task<Profile> ProfileWhenKnownAsync(Person person, TimeSpan? within = null) =>
        (await AnswerWhenKnownAsync(person, within)).As<Profile>();

    /// <summary>The platform's first answer that knows her (with its headers), as <see cref="ProfileWhenKnownAsync"/> waits for it.</summary>
    public async Task<ApiResponse> AnswerWhenKnownAsync(Person person, TimeSpan? within = null)
    {
        var window = within ?? ContractWindows.NewUserVisible;
        var answer = await Eventually.UntilAsync(() => ProfileAsync(person.AccessToken), a => a.IsSuccess, window, Eventually.Often);
        return answer.ShouldSucceed($"the platform must know {person.Alias} within {window.TotalSeconds:0.#} s");
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

    /// <summary>Reads the profile with a token until the platform stops honouring it (or the window passes): the last answer.</summary>
    public Task<ApiResponse> ProfileRefusedAsync(string? accessToken, TimeSpan within) =>
        Eventually.UntilAsync(() => ProfileAsync(accessToken), answer => answer.IsRefusedAs(Refusal.NotSignedIn), within);

    public Task<ApiResponse> ChangeNameAsync(string? accessToken, string name) =>
        SendAsync(new RestRequest("/api/v1/users/profile", Method.Patch).WithBearer(accessToken).AddJsonBody(new { name }));

    /// <summary>Changes her name on the platform; she is then known by it. Returns her profile as the platform answered it.</summary>
    public async Task<Profile> ChangeNameAsync(Person person, string name)
    {
        var profile = (await ChangeNameAsync(person.AccessToken, name)).ShouldSucceed($"the platform changes {person.Alias}'s name").As<Profile>();
        person.Name = name;
        return profile;
    }

    /// <summary>Tries to change her name on the platform; the answer is kept as her attempt.</summary>
    public async Task<Attempt> TryToChangeNameAsync(Person person, string name) =>
        person.LastAttempt = new Attempt($"{person.Alias}'s name change on the platform", await ChangeNameAsync(person.AccessToken, name));

    public Task<ApiResponse> SendChatMessageAsync(string? accessToken, string message, string? threadId = null) =>
        SendAsync(new RestRequest("/api/v1/chat/message", Method.Post).WithBearer(accessToken)
            .AddJsonBody(new { message, thread_id = threadId }));

    /// <summary>Asks the agent through the API and keeps the answer with her (the question too).</summary>
    public async Task<ApiResponse> AskAsync(Person person, string question)
    {
        person.LastQuestion = question;
        var answer = await SendChatMessageAsync(person.AccessToken, question);
        person.Keep(answer);
        return answer;
    }

    /// <summary>Asks through the API with a body that is not the contract's (garbled JSON, say), keeping the answer with her.</summary>
    public async Task<ApiResponse> AskWithBodyAsync(Person person, string question, string body)
    {
        person.LastQuestion = question;
        var answer = await SendRawChatMessageAsync(person.AccessToken, body);
        person.Keep(answer);
        return answer;
    }

    /// <summary>Sends a chat message whose body is given as it is (JSON or not).</summary>
    public Task<ApiResponse> SendRawChatMessageAsync(string? accessToken, string body) =>
        SendAsync(new RestRequest("/api/v1/chat/message", Method.Post).WithBearer(accessToken).AddStringBody(body, ContentType.Json));

    /// <summary>The backend's readiness, with the state of each dependency (for operators and load balancers).</summary>
    public Task<ApiResponse> ReadinessAsync() => SendAsync(new RestRequest("/health/ready"));
}
