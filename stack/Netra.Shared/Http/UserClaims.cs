using System.Security.Claims;

namespace Netra.Shared.Http;

/// <summary>Who an authenticated request is from, as both services' bearer schemes put it: the access token's subject.</summary>
public static class UserClaims
{
    public const string Subject = "sub";

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirst(Subject)?.Value ?? throw new InvalidOperationException("Authenticated user has no sub claim.");
}
