
namespace Netra.Auth.Sessions;

/// <summary>The bodies of the session answers (register, login, refresh) and of the account (GET and PATCH /auth/me).</summary>
public static class Responses
{
    /// <summary>The body of register, login and refresh. Token responses must not be cached (RFC 6749 §5.1).</summary>
    public static IResult Tokens(HttpContext ctx, UserRecord user, TokenPair pair, TimeSpan accessLifetime)
    {
        ctx.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new
        {
            access_token = pair.AccessToken,
            refresh_token = pair.RefreshToken,
            token_type = "Bearer",
            expires_in = (int)accessLifetime.TotalSeconds,
            user_id = user.Id,
            user = new { id = user.Id, email = user.Email, name = user.Name },
        });
    }

    /// <summary>The body of GET /auth/me (and of PATCH /auth/me, which answers with the changed user).</summary>
    public static IResult Me(UserRecord user) => Results.Ok(new
    {
        user_id = user.Id,
        email = user.Email,
        name = user.Name,
        plan_tier = user.PlanTier,
        permissions = user.Permissions,
        auth_provider = user.AuthProvider,
        created_at = Timestamps.Format(user.CreatedAt),
    });
}
