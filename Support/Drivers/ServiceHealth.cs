using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>A service's answer to GET /health: that it is up, and its name.</summary>
public sealed record Health(string? Status, string? Service)
{
    public bool IsHealthy => Status == "healthy";
}

/// <summary>A service's answer to GET /health/ready: its own state and each dependency's (the sign-in service's or the platform's words).</summary>
public sealed record Readiness(string? Status, string? DatabaseStatus, string? CoreDb, string? Auth, UserEventCounts? UserEvents)
{
    public bool IsReady => Status == "ready";

    /// <summary>The user events the sign-in service set aside, as its readiness counts them (null: it does not say).</summary>
    public long? SetAsideEvents => UserEvents?.SetAside;

    /// <summary>Its database is connected (the sign-in service says database_status, the platform core_db).</summary>
    public bool DatabaseConnected => (DatabaseStatus ?? CoreDb) == "connected";

    /// <summary>The platform reports the sign-in service, and not as degraded.</summary>
    public bool SignInServiceAvailable => !string.IsNullOrEmpty(Auth) && !SignInServiceDegraded;

    /// <summary>The platform serves without the sign-in service (tokens it trusts keep working).</summary>
    public bool SignInServiceDegraded => Auth == "degraded";
}

/// <summary>The sign-in service's user events still to deliver, and those it set aside.</summary>
public sealed record UserEventCounts(long Pending, long SetAside);

/// <summary>GET /auth/config: whether sign-in with a provider is on, and which providers.</summary>
public sealed record AuthConfiguration(bool OauthEnabled, IReadOnlyList<string>? Providers);

/// <summary>What each service tells its operators: health (up), readiness (its dependencies), and auth's sign-in options.</summary>
public sealed class ServiceHealth(EnvironmentContext environment, ScenarioTranscript transcript) : IDisposable
{
    private readonly RestClient _auth = ServiceClient.For(environment.Endpoints.Auth, transcript);
    private readonly RestClient _backend = ServiceClient.For(environment.Endpoints.Backend, transcript);
    private readonly RestClient _frontend = ServiceClient.For(environment.Endpoints.Frontend, transcript);

    /// <summary>Each service's answer to GET /health, by the name the features use.</summary>
    public async Task<IReadOnlyDictionary<string, ApiResponse>> HealthOfEachAsync() => new Dictionary<string, ApiResponse>
    {
        ["the sign-in service"] = await AskAsync(_auth, "/health"),
        ["the platform"] = await AskAsync(_backend, "/health"),
        ["the website"] = await AskAsync(_frontend, "/health"),
    };

    public Task<ApiResponse> AuthReadinessAsync() => AskAsync(_auth, "/health/ready");

    public Task<ApiResponse> BackendReadinessAsync() => AskAsync(_backend, "/health/ready");

    /// <summary>GET /auth/config: whether sign-in with a provider is on, and which.</summary>
    public Task<ApiResponse> AuthConfigurationAsync() => AskAsync(_auth, "/auth/config");

    private static async Task<ApiResponse> AskAsync(RestClient client, string path) => ApiResponse.From(await client.ExecuteAsync(new RestRequest(path)));

    public void Dispose()
    {
        _auth.Dispose();
        _backend.Dispose();
        _frontend.Dispose();
    }
}
