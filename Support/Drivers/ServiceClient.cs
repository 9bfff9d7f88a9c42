using Netra.Acceptance.Support.Context;
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

    /// <summary>
    /// Signs the request as another Netra service would (X-Service-ID, X-Service-Secret), with the environment's
    /// service secret. Without one (attached without NETRA_SERVICE_SECRET) the scenario is left out, with the reason.
    /// </summary>
    public static RestRequest WithServiceCredentials(this RestRequest request, EnvironmentContext environment, string whatTheScenarioDoes,
        ServiceCaller caller = ServiceCaller.NetraService, string serviceId = "netra-acceptance")
    {
        if (caller == ServiceCaller.WithoutCredentials) return request;
        var secret = environment.Environment.ServiceSecret;
        if (secret is null)
            LeftOut.Because($"Left out: this scenario {whatTheScenarioDoes}, which needs the environment's service secret. " +
                            "Set NETRA_SERVICE_SECRET to run it against this environment.");
        return request.AddHeader("X-Service-ID", serviceId).AddHeader("X-Service-Secret", caller switch
        {
            ServiceCaller.WithShortenedSecret => secret[..^1],
            ServiceCaller.WithExtendedSecret => secret + "0",
            _ => secret,
        });
    }
}

/// <summary>The callers of service-to-service calls, as the features name them.</summary>
public static class ServiceCallers
{
    /// <summary>Callers trying to pass for a Netra service: no credentials, and secrets that only look like the real one.</summary>
    public static readonly ServiceCaller[] Impostors = [ServiceCaller.WithoutCredentials, ServiceCaller.WithShortenedSecret, ServiceCaller.WithExtendedSecret];

    private static readonly Dictionary<string, ServiceCaller[]> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a Netra service"] = [ServiceCaller.NetraService],
        ["someone without the service credentials"] = [ServiceCaller.WithoutCredentials],
        ["someone with a secret that only looks like it"] = [ServiceCaller.WithShortenedSecret, ServiceCaller.WithExtendedSecret],
    };

    /// <summary>The callers a feature's words stand for ("someone with a secret that only looks like it" is two).</summary>
    public static IReadOnlyList<ServiceCaller> CalledIn(string words) =>
        Named.TryGetValue(words, out var callers) ? callers : throw new ArgumentException($"No such caller in the scenario vocabulary: '{words}'.");

    /// <summary>Makes the call as each impostor; each attempt is expected to be refused as not signed in.</summary>
    public static async Task<IReadOnlyList<Attempt>> TryAsEachImpostorAsync(string what, Func<ServiceCaller, Task<ApiResponse>> call)
    {
        var attempts = new List<Attempt>();
        foreach (var caller in Impostors) attempts.Add(new Attempt($"{what}, by a caller {caller}", await call(caller), Refusal.NotSignedIn));
        return attempts;
    }
}

/// <summary>Who signs a service-to-service call: a Netra service, or someone trying to pass for one.</summary>
public enum ServiceCaller
{
    NetraService,
    WithoutCredentials,
    /// <summary>The secret without its last character: a prefix comparison takes it for the secret.</summary>
    WithShortenedSecret,
    /// <summary>The secret with one more character: a comparison of the first characters only takes it for the secret.</summary>
    WithExtendedSecret,
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
