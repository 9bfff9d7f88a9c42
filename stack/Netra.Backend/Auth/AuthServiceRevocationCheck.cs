using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Netra.Backend.Infrastructure;

namespace Netra.Backend.Auth;

/// <summary>
/// Learns revocations (logout, refresh-token reuse, deleted accounts) from the auth service:
/// POST {AUTH_URL}/auth/validate with service credentials. Answers are cached briefly
/// (<c>TOKEN_CHECK_CACHE_SECONDS</c>, default 5) so a busy token costs one call per window; a revocation is
/// remembered until the token expires. While the auth service cannot answer, tokens that passed the local
/// checks (signature, issuer, audience, expiry, type) keep working (contract decision: availability over a
/// revocation that cannot be learned right now); a revocation known before the outage still holds.
/// </summary>
public sealed class AuthServiceRevocationCheck : ITokenRevocationCheck
{
    public const string HttpClientName = "auth-validate";
    private sealed record Entry(bool Revoked, DateTimeOffset CheckedAt, DateTimeOffset ExpiresAt);

    private readonly ConcurrentDictionary<string, Entry> _known = new();
    private readonly BackendSettings _settings;
    private readonly IHttpClientFactory _http;
    private readonly ILogger<AuthServiceRevocationCheck> _log;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _cacheFor;
    private long _lastPrune;

    public AuthServiceRevocationCheck(BackendSettings settings, IHttpClientFactory http, ILogger<AuthServiceRevocationCheck> log, TimeProvider clock)
    {
        _settings = settings;
        _http = http;
        _log = log;
        _clock = clock;
        _cacheFor = TimeSpan.FromSeconds(Seconds("TOKEN_CHECK_CACHE_SECONDS", 5));
        if (!Enabled)
            log.LogWarning("AUTH_URL or SERVICE_SECRET is not set: revoked tokens cannot be learned from the auth service");
    }

    private bool Enabled => _settings.AuthUrl is not null && _settings.ServiceSecret is not null;

    public async ValueTask<bool> IsRevokedAsync(AccessToken token, CancellationToken ct)
    {
        if (!Enabled) return false;
        var key = token.TokenId ?? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token.Raw)));
        var now = _clock.GetUtcNow();
        Prune(now);
        if (_known.TryGetValue(key, out var known) && (known.Revoked || now - known.CheckedAt < _cacheFor))
            return known.Revoked;

        bool? valid = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{_settings.AuthUrl}/auth/validate")
            {
                Content = JsonContent.Create(new { token = token.Raw }),
            };
            request.Headers.Add("X-Service-ID", "backend-service");
            request.Headers.Add("X-Service-Secret", _settings.ServiceSecret);
            using var response = await _http.CreateClient(HttpClientName).SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
            {
                using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                valid = doc.RootElement.TryGetProperty("valid", out var v) && v.ValueKind == JsonValueKind.True;
                if (valid == false)
                    _log.LogInformation("auth service refused token {Jti}: {Error}", LogText.Clean(token.TokenId),
                        doc.RootElement.TryGetProperty("error", out var e) ? LogText.Clean(e.ToString()) : "");
            }
            else
            {
                _log.LogWarning("auth service answered {Status} to /auth/validate", (int)response.StatusCode);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            _log.LogWarning("auth service unreachable for token validation: {Error}", ex.Message);
        }

        if (valid is null)
            // Degraded: a known revocation was answered above; everything else that passed the local checks keeps working.
            return false;
        _known[key] = new Entry(!valid.Value, now, token.ExpiresAt);
        return !valid.Value;
    }

    private void Prune(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastPrune);
        if (now.ToUnixTimeMilliseconds() - last < 60_000 || Interlocked.CompareExchange(ref _lastPrune, now.ToUnixTimeMilliseconds(), last) != last) return;
        foreach (var (key, entry) in _known)
            if (entry.ExpiresAt < now) _known.TryRemove(key, out _);
    }

    public static double Seconds(string name, double fallback) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
}
