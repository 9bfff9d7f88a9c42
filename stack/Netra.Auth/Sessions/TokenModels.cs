namespace Netra.Auth.Sessions;

public static class TokenTypes
{
    public const string Access = "access";
    public const string Refresh = "refresh";
}

/// <summary>A freshly issued access/refresh pair and the facts the database records about it.</summary>
public sealed record TokenPair(
    string AccessToken,
    string AccessJti,
    DateTimeOffset AccessExpiresAt,
    string RefreshToken,
    string RefreshJti,
    DateTimeOffset RefreshExpiresAt,
    DateTimeOffset IssuedAt);

/// <summary>The contract's claims of a token that passed validation.</summary>
public sealed record TokenClaims(
    string UserId,
    string Email,
    string TokenType,
    string Jti,
    string PlanTier,
    IReadOnlyList<string> Permissions,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt);

/// <summary>Outcome of a validation: the claims, or a one-line reason fit for a problem detail.</summary>
public sealed record TokenCheck(TokenClaims? Claims, string? Error)
{
    public bool IsValid => Claims is not null;
    public static TokenCheck Fail(string error) => new(null, error);
}
