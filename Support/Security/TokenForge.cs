using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Netra.Acceptance.Support.Context;

namespace Netra.Acceptance.Support.Security;

/// <summary>The kinds of token a scenario may present instead of the one the sign-in service issued.</summary>
public enum ForgedToken
{
    None,
    Malformed,
    WrongKey,
    AlgorithmNone,
    Expired,
    OtherAudience,
    LookAlikeAudience,
    OtherIssuer,
    LookAlikeIssuer,
    IssuerInCapitals,
    OtherAlgorithm,
    /// <summary>Genuine but for a <c>crit</c> header naming an extension: RFC 7515 says a recipient must refuse it.</summary>
    CriticalExtension,
}

/// <summary>
/// Forges access tokens from a genuine one (the contract's HS256 JWTs): re-signed with the environment's own
/// key but expired or addressed elsewhere, signed with another key, or stripped of their signature.
/// Forging with the environment's key needs it (<see cref="SigningKey"/>): known for a stack the suite
/// started, or given as NETRA_JWT_SECRET; scenarios that need it are tagged @needs-signing-key.
/// </summary>
public sealed class TokenForge(EnvironmentContext environment)
{
    public const string NeedsSigningKeyTag = "needs-signing-key";

    public string? SigningKey => environment.Environment.JwtSecret;

    /// <summary>The forged token, or null for <see cref="ForgedToken.None"/> (no token at all).</summary>
    public string? Forge(ForgedToken kind, string genuineAccessToken)
    {
        var claims = Claims(genuineAccessToken);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        claims["jti"] = Guid.NewGuid().ToString();
        return kind switch
        {
            ForgedToken.None => null,
            ForgedToken.Malformed => "this-is-not.a-valid.token",
            ForgedToken.WrongKey => Sign(claims, RandomNumberGenerator.GetBytes(48)),
            ForgedToken.AlgorithmNone => $"{Segment(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" })}.{Segment(claims)}.",
            ForgedToken.Expired => Sign(With(claims, c => { c["iat"] = now - 1000; c["exp"] = now - 100; }), Key()),
            ForgedToken.OtherAudience => Sign(With(claims, c => c["aud"] = "another-platform"), Key()),
            // Look-alikes extend the genuine value: a prefix or substring comparison takes them for it.
            ForgedToken.LookAlikeAudience => Sign(With(claims, c => c["aud"] = claims["aud"] + "-staging"), Key()),
            ForgedToken.OtherIssuer => Sign(With(claims, c => c["iss"] = "someone-elses-auth-service"), Key()),
            ForgedToken.LookAlikeIssuer => Sign(With(claims, c => c["iss"] = claims["iss"] + "-staging"), Key()),
            ForgedToken.IssuerInCapitals => Sign(With(claims, c => c["iss"] = claims["iss"]!.ToString().ToUpperInvariant()), Key()),
            // The platform's own key, but HS512: only HS256 is accepted.
            ForgedToken.OtherAlgorithm => Sign(claims, Key(), "HS512"),
            ForgedToken.CriticalExtension => Sign(claims, Key(), critical: true),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>
    /// Her token with a <c>crit</c> header, signed with the environment's key when it is known (so only the extension can be
    /// why it is refused), else with a key of its own (refused for that too).
    /// </summary>
    public string WithCriticalExtension(string genuineAccessToken) =>
        Sign(Claims(genuineAccessToken), SigningKey is null ? RandomNumberGenerator.GetBytes(48) : Key(), critical: true);

    private byte[] Key() => Encoding.UTF8.GetBytes(SigningKey
        ?? throw new InvalidOperationException("Forging this token needs the environment's signing key (NETRA_JWT_SECRET); tag the scenario @needs-signing-key."));

    private static JsonObject With(JsonObject claims, Action<JsonObject> change)
    {
        change(claims);
        return claims;
    }

    private static string Sign(JsonObject claims, byte[] key, string algorithm = "HS256", bool critical = false)
    {
        var header = new JsonObject { ["alg"] = algorithm, ["typ"] = "JWT" };
        if (critical)
        {
            header["crit"] = new JsonArray("netra-binding");
            header["netra-binding"] = "device-42";
        }
        var unsigned = $"{Segment(header)}.{Segment(claims)}";
        var data = Encoding.ASCII.GetBytes(unsigned);
        var signature = algorithm == "HS512" ? HMACSHA512.HashData(key, data) : HMACSHA256.HashData(key, data);
        return $"{unsigned}.{Base64Url(signature)}";
    }

    /// <summary>The payload of a JWT (not verified: it came from the sign-in service).</summary>
    public static JsonObject Claims(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonNode.Parse(Convert.FromBase64String(payload))!.AsObject();
    }

    private static string Segment(JsonNode json) => Base64Url(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
