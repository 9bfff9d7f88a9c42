using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Netra.Auth.Sessions;

/// <summary>Issues and validates the platform's HS256 JWTs (claims exactly as the contract lists them).</summary>
public sealed class TokenService
{
    public const string Issuer = "netra-auth-service";
    public const string Audience = "netra-platform";

    // No default iat/nbf/exp: the contract's claim set has no nbf, and we set iat/exp ourselves.
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _signing;
    private readonly TokenValidationParameters _strict;
    private readonly TokenValidationParameters _ignoringExpiry;
    private readonly AuthSettings _settings;
    private readonly AuthDb _db;

    public TokenService(AuthSettings settings, AuthDb db)
    {
        _settings = settings;
        _db = db;
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.JwtSecret));
        _signing = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _strict = Parameters(key, validateLifetime: true);
        _ignoringExpiry = Parameters(key, validateLifetime: false);
    }

    public TimeSpan AccessLifetime => _settings.AccessTokenLifetime;

    private static TokenValidationParameters Parameters(SecurityKey key, bool validateLifetime) => new()
    {
        IssuerSigningKey = key,
        // Only HS256: this refuses "none", HS384/512 and any RS/ES algorithm-confusion attempt.
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        ValidateIssuer = true,
        ValidIssuer = Issuer,
        ValidateAudience = true,
        ValidAudience = Audience,
        ValidateLifetime = validateLifetime,
        RequireExpirationTime = true,
        // All services share this machine's clock; a skew allowance would only keep expired tokens alive.
        ClockSkew = TimeSpan.Zero,
    };

    public TokenPair CreatePair(UserRecord user)
    {
        var now = DateTimeOffset.UtcNow;
        var accessJti = Guid.NewGuid().ToString();
        var refreshJti = Guid.NewGuid().ToString();
        var accessExpires = now + _settings.AccessTokenLifetime;
        var refreshExpires = now + _settings.RefreshTokenLifetime;
        return new TokenPair(
            Create(user, TokenTypes.Access, accessJti, now, accessExpires), accessJti, accessExpires,
            Create(user, TokenTypes.Refresh, refreshJti, now, refreshExpires), refreshJti, refreshExpires,
            now);
    }

    private string Create(UserRecord user, string type, string jti, DateTimeOffset issued, DateTimeOffset expires) =>
        _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = issued.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = _signing,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = user.Id,
                [JwtRegisteredClaimNames.Email] = user.Email,
                ["token_type"] = type,
                [JwtRegisteredClaimNames.Jti] = jti,
                ["plan_tier"] = user.PlanTier,
                ["permissions"] = user.Permissions.ToArray(), // an array even with one entry
            },
        });

    /// <summary>
    /// Checks signature (HS256 only), iss, aud, exp, token_type and — against the database — revocation.
    /// <paramref name="allowExpired"/> is for logout, which may revoke a token that has just expired.
    /// </summary>
    public async Task<TokenCheck> ValidateAsync(string? token, string expectedType, bool allowExpired = false)
    {
        var check = await VerifyAsync(token, expectedType, allowExpired);
        if (!check.IsValid) return check;

        var row = await _db.ReadAsync(conn => SessionStore.FindAsync(conn, check.Claims!.Jti));
        // A jti the database never saw has not been revoked (revocation is a deny list, as in every service).
        return row is { Revoked: true } ? TokenCheck.Fail("Token has been revoked.") : check;
    }

    /// <summary>Everything but the revocation check.</summary>
    /// <summary>The refusal of a token with a <c>crit</c> header, the same words in every service.</summary>
    public const string CriticalHeaderRefusal = "Token names critical header extensions ('crit'), which Netra does not understand; it is refused.";

    public async Task<TokenCheck> VerifyAsync(string? token, string expectedType, bool allowExpired = false)
    {
        if (string.IsNullOrWhiteSpace(token)) return TokenCheck.Fail("Token is missing.");
        if (!_handler.CanReadToken(token)) return TokenCheck.Fail("Token is malformed.");
        // Checked up front only to name the problem; the validation parameters refuse other algorithms anyway.
        string? alg;
        bool critical;
        try
        {
            var header = _handler.ReadJsonWebToken(token);
            alg = header.Alg;
            critical = header.TryGetHeaderValue<object>("crit", out _);
        }
        catch (Exception) // untrusted input: any parse failure means malformed
        {
            return TokenCheck.Fail("Token is malformed.");
        }
        if (alg != SecurityAlgorithms.HmacSha256)
            return TokenCheck.Fail($"Token algorithm '{alg}' is not allowed; only HS256 is accepted.");
        // RFC 7515 §4.1.11: a recipient must refuse critical extensions it does not understand, and Netra understands none.
        if (critical) return TokenCheck.Fail(CriticalHeaderRefusal);

        var result = await _handler.ValidateTokenAsync(token, allowExpired ? _ignoringExpiry : _strict);
        if (!result.IsValid) return TokenCheck.Fail(Describe(result.Exception));

        var jwt = (JsonWebToken)result.SecurityToken;
        if (!jwt.TryGetPayloadValue<string>("token_type", out var type) || type is null)
            return TokenCheck.Fail("Token has no token_type claim.");
        if (type != expectedType)
            return TokenCheck.Fail($"Token is a{(type == TokenTypes.Access ? "n" : "")} {type} token; expected a{(expectedType == TokenTypes.Access ? "n" : "")} {expectedType} token.");

        var sub = jwt.Subject;
        var jti = jwt.Id;
        jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Email, out var email);
        jwt.TryGetPayloadValue<string>("plan_tier", out var plan);
        if (string.IsNullOrEmpty(sub) || string.IsNullOrEmpty(jti) || string.IsNullOrEmpty(email))
            return TokenCheck.Fail("Token is missing required claims (sub, jti, email).");

        return new TokenCheck(new TokenClaims(
            UserId: sub,
            Email: email,
            TokenType: type,
            Jti: jti,
            PlanTier: plan ?? "free",
            Permissions: ReadPermissions(jwt),
            IssuedAt: new DateTimeOffset(jwt.IssuedAt, TimeSpan.Zero),
            ExpiresAt: new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero)), null);
    }

    private static IReadOnlyList<string> ReadPermissions(JsonWebToken jwt)
    {
        if (jwt.TryGetPayloadValue<string[]>("permissions", out var list) && list is not null) return list;
        if (jwt.TryGetPayloadValue<string>("permissions", out var single) && single is not null) return [single];
        return [];
    }

    private static string Describe(Exception? error) => error switch
    {
        SecurityTokenExpiredException => "Token has expired.",
        SecurityTokenInvalidAlgorithmException => "Token algorithm is not allowed; only HS256 is accepted.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "Token signature is invalid.",
        SecurityTokenInvalidIssuerException => $"Token issuer is invalid; expected {Issuer}.",
        SecurityTokenInvalidAudienceException => $"Token audience is invalid; expected {Audience}.",
        SecurityTokenNoExpirationException => "Token has no expiry.",
        SecurityTokenNotYetValidException => "Token is not valid yet.",
        SecurityTokenMalformedException or ArgumentException => "Token is malformed.",
        _ => "Token is invalid.",
    };
}
