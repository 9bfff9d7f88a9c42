using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>
/// The sign-in service's answer to Netra's own services on whether a token is valid
/// (POST /auth/validate with service credentials): what the backend asks for every token it is shown.
/// </summary>
public sealed class TokenValidation(EnvironmentContext environment, ScenarioTranscript transcript)
    : ServiceDriver(environment.Endpoints.Auth, transcript)
{
    public Task<ApiResponse> AskAsync(string token, ServiceCaller caller = ServiceCaller.NetraService) =>
        SendAsync(new RestRequest("/auth/validate", Method.Post)
            .WithServiceCredentials(environment, "asks the sign-in service whether a token is valid", caller, "backend-service")
            .AddJsonBody(new { token }));

    /// <summary>A Netra service asks about her live token: it is answered, and told it is valid.</summary>
    public async Task<Attempt> AskAboutAsync(Person person)
    {
        var attempt = new Attempt($"a Netra service asking about {person.Alias}'s token", await AskAsync(person.AccessToken));
        attempt.Answer.ShouldBeAnswered(attempt.What).As<TokenVerdict>().Valid.Should().BeTrue("the sign-in service's own, live token is valid");
        return attempt;
    }

    /// <summary>Callers passing for a Netra service ask about her token; each attempt is expected to be refused.</summary>
    public Task<IReadOnlyList<Attempt>> TryAsImpostorsAsync(Person person) =>
        ServiceCallers.TryAsEachImpostorAsync($"asking about {person.Alias}'s token", caller => AskAsync(person.AccessToken, caller));
}
