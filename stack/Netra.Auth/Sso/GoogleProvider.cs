using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Netra.Auth.Sso;

/// <summary>The identity the provider vouched for in a valid ID token.</summary>
public sealed record ProviderIdentity(string Subject, string Email, bool EmailVerified, string? Name);

/// <summary>Talks to the OpenID Connect provider: discovery (cached), code exchange and ID token validation.</summary>
public sealed class GoogleProvider(GoogleSettings settings, ILogger<GoogleProvider> log) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(15) };
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Discovery? _discovery;

    private sealed record Discovery(string Issuer, string AuthorizationEndpoint, string TokenEndpoint, JsonWebKeySet Keys);

    public async Task<string> AuthorizationEndpointAsync() => (await DiscoverAsync()).AuthorizationEndpoint;

    private async Task<Discovery> DiscoverAsync(bool refresh = false)
    {
        if (_discovery is not null && !refresh) return _discovery;
        await _gate.WaitAsync();
        try
        {
            if (_discovery is not null && !refresh) return _discovery;
            using var doc = JsonDocument.Parse(await _http.GetStringAsync($"{settings.Authority}/.well-known/openid-configuration"));
            var root = doc.RootElement;
            var jwks = new JsonWebKeySet(await _http.GetStringAsync(root.GetProperty("jwks_uri").GetString()));
            return _discovery = new Discovery(root.GetProperty("issuer").GetString()!, root.GetProperty("authorization_endpoint").GetString()!,
                root.GetProperty("token_endpoint").GetString()!, jwks);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Redeems the code (with the PKCE verifier) and validates the ID token; an error code on failure.</summary>
    public async Task<(ProviderIdentity? Identity, string? Error)> RedeemAsync(string code, string codeVerifier, string expectedNonce)
    {
        Discovery discovery;
        string body;
        try
        {
            discovery = await DiscoverAsync();
            using var response = await _http.PostAsync(discovery.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = settings.RedirectUri,
                ["client_id"] = settings.ClientId!,
                ["client_secret"] = settings.ClientSecret!,
                ["code_verifier"] = codeVerifier,
            }));
            body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                log.LogWarning("Google code exchange refused ({Status}): {Body}", (int)response.StatusCode, body.Length > 300 ? body[..300] : body);
                return (null, "invalid_grant");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            log.LogWarning(ex, "Google provider unreachable");
            return (null, "provider_unavailable");
        }

        string? idToken;
        try
        {
            using var doc = JsonDocument.Parse(body);
            idToken = doc.RootElement.TryGetProperty("id_token", out var t) ? t.GetString() : null;
        }
        catch (JsonException)
        {
            idToken = null;
        }
        if (idToken is null) return (null, "invalid_token_response");

        var result = await _handler.ValidateTokenAsync(idToken, Parameters(discovery));
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
            result = await _handler.ValidateTokenAsync(idToken, Parameters(await DiscoverAsync(refresh: true))); // keys rotated
        if (!result.IsValid)
        {
            log.LogWarning("Google ID token refused: {Error}", result.Exception?.GetType().Name);
            return (null, "invalid_id_token");
        }
        var jwt = (JsonWebToken)result.SecurityToken;
        jwt.TryGetPayloadValue<string>("nonce", out var nonce);
        if (nonce != expectedNonce) return (null, "invalid_nonce");

        jwt.TryGetPayloadValue<string>("email", out var email);
        jwt.TryGetPayloadValue<string>("name", out var name);
        var verified = jwt.TryGetPayloadValue<bool>("email_verified", out var v) && v;
        if (string.IsNullOrEmpty(jwt.Subject) || string.IsNullOrEmpty(email)) return (null, "invalid_id_token");
        return (new ProviderIdentity(jwt.Subject, email, verified, name), null);
    }

    private TokenValidationParameters Parameters(Discovery d) => new()
    {
        ValidIssuer = d.Issuer,
        ValidAudience = settings.ClientId,
        IssuerSigningKeys = d.Keys.GetSigningKeys(),
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256], // asymmetric only
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromMinutes(1),
    };

    public void Dispose() => _http.Dispose();
}
