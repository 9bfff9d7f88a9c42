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

/// <summary>
/// A driver for one service's REST calls: one recording client per scenario, every answer read
/// as an <see cref="ApiResponse"/>.
/// </summary>
public abstract class ServiceDriver(Uri baseUrl, ScenarioTranscript transcript) : IDisposable
{
    private readonly RestClient _client = ServiceClient.For(baseUrl, transcript);

    protected async Task<ApiResponse> SendAsync(RestRequest request) => ApiResponse.From(await _client.ExecuteAsync(request));

    public void Dispose() => _client.Dispose();
}
