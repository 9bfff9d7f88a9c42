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
    public async Task<(bool? Valid, ApiResponse Answer)> AskAsync(string token, ServiceCaller caller = ServiceCaller.NetraService)
    {
        var answer = await SendAsync(new RestRequest("/auth/validate", Method.Post)
            .WithServiceCredentials(environment, "asks the sign-in service whether a token is valid", caller, "backend-service")
            .AddJsonBody(new { token }));
        return ((answer.Body as System.Text.Json.Nodes.JsonObject)?["valid"]?.GetValue<bool>(), answer);
    }
}
