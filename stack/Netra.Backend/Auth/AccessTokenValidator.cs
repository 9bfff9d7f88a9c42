using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Netra.Backend.Infrastructure;

namespace Netra.Backend.Auth;

/// <summary>What the backend knows about the caller after a token passed every check.</summary>
public sealed record AccessToken(string UserId, string? Email, string? PlanTier, string? TokenId, DateTimeOffset ExpiresAt, string Raw);

public sealed record TokenValidation(AccessToken? Token, string? Error)
{
    public bool IsValid => Token is not null;
}

/// <summary>
/// Validates access tokens issued by the auth service, for REST and WebSocket alike:
/// HS256 only (so "none" and every other algorithm fail), issuer, audience, expiry, token_type,
/// then revocation through <see cref="ITokenRevocationCheck"/>.
/// </summary>
public sealed class AccessTokenValidator
{
    public const string Issuer = "netra-auth-service";
    public const string Audience = "netra-platform";
    private const int MaxTokenLength = 8 * 1024;

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false, MaximumTokenSizeInBytes = MaxTokenLength };
    private readonly TokenValidationParameters _parameters;
    private readonly ITokenRevocationCheck _revocation;

    public AccessTokenValidator(BackendSettings settings, ITokenRevocationCheck revocation)
    {
        _revocation = revocation;
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.JwtSecretKey)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            // All services run on one clock; an expired token is expired.
            ClockSkew = TimeSpan.Zero,
        };
    }

    public async Task<TokenValidation> ValidateAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token)) return Fail("No access token was presented.");
        if (token.Length > MaxTokenLength) return Fail("Access token is too long.");

        // Name a wrong algorithm explicitly (the handler would only report a signature failure).
        if (_handler.CanReadToken(token) && TryReadHeader(token) is { } header)
        {
            if (header.Alg is { } alg && alg != SecurityAlgorithms.HmacSha256)
                return Fail($"Token algorithm '{LogText.Clean(alg, 20)}' is not allowed; only HS256 is accepted.");
            // RFC 7515 §4.1.11: a recipient must refuse critical extensions it does not understand, and Netra understands none.
            if (header.TryGetHeaderValue<object>("crit", out _))
                return Fail("Token names critical header extensions ('crit'), which Netra does not understand; it is refused.");
        }

        var result = await _handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid) return Fail(Describe(result.Exception));

        var claims = result.ClaimsIdentity;
        var tokenType = claims.FindFirst("token_type")?.Value;
        if (tokenType != "access")
            return Fail(tokenType is null ? "Token has no token_type claim; an access token is required." : $"Token is a {tokenType} token; an access token is required.");

        var userId = claims.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(userId)) return Fail("Token has no subject (sub claim).");

        var jwt = (JsonWebToken)result.SecurityToken;
        var access = new AccessToken(
            userId,
            claims.FindFirst("email")?.Value,
            claims.FindFirst("plan_tier")?.Value,
            claims.FindFirst("jti")?.Value,
            new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero),
            token);

        if (await _revocation.IsRevokedAsync(access, ct)) return Fail("Token has been revoked.");
        return new TokenValidation(access, null);
    }

    /// <summary>The first validation pays for JIT and crypto setup; do it before the first caller does.</summary>
    public void WarmUp()
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddMinutes(1),
            Claims = new Dictionary<string, object> { ["sub"] = "warm-up", ["token_type"] = "warm-up" },
            SigningCredentials = new SigningCredentials(_parameters.IssuerSigningKey, SecurityAlgorithms.HmacSha256),
        };
        _ = _handler.ValidateTokenAsync(_handler.CreateToken(descriptor), _parameters).GetAwaiter().GetResult();
    }

    private JsonWebToken? TryReadHeader(string token)
    {
        try
        {
            return _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return null; // malformed: ValidateTokenAsync reports it
        }
    }

    public static ClaimsPrincipal ToPrincipal(AccessToken token, string scheme)
    {
        var claims = new List<Claim> { new("sub", token.UserId) };
        if (token.Email is not null) claims.Add(new Claim("email", token.Email));
        if (token.PlanTier is not null) claims.Add(new Claim("plan_tier", token.PlanTier));
        var identity = new ClaimsIdentity(claims, scheme, "sub", null);
        return new ClaimsPrincipal(identity);
    }

    // Exception messages of IdentityModel are long and may echo token contents; callers get a short reason.
    private static string Describe(Exception? ex) => ex switch
    {
        SecurityTokenExpiredException => "Token has expired.",
        SecurityTokenNotYetValidException => "Token is not valid yet.",
        SecurityTokenNoExpirationException => "Token has no expiry (exp claim).",
        SecurityTokenInvalidAlgorithmException => "Token algorithm is not allowed; only HS256 is accepted.",
        SecurityTokenInvalidIssuerException => $"Token issuer is not {Issuer}.",
        SecurityTokenInvalidAudienceException => $"Token audience is not {Audience}.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "Token signature is missing or invalid.",
        SecurityTokenMalformedException or ArgumentException => "Token is malformed.",
        _ => "Token is invalid.",
    };

    private static TokenValidation Fail(string error) => new(null, error);
}
