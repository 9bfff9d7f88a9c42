using Netra.Acceptance.Support.Evidence;
using RestSharp;
using RestSharp.Serializers.Json;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>A RestSharp client for one service, recording every exchange into the scenario transcript.</summary>
public static class ServiceClient
{
    public static RestClient For(Uri baseUrl, ScenarioTranscript transcript) =>
        new(new RestClientOptions(baseUrl)
            {
                ConfigureMessageHandler = inner => new RecordingHandler(inner, transcript),
                Timeout = TimeSpan.FromSeconds(30),
                ThrowOnAnyError = false,
            },
            configureSerialization: s => s.UseSystemTextJson(Json.Options));

    public static RestRequest WithBearer(this RestRequest request, string? token)
    {
        if (token is not null) request.AddHeader("Authorization", $"Bearer {token}");
        return request;
    }
}
