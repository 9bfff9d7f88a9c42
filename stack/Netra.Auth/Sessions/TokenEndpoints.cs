
namespace Netra.Auth.Sessions;

/// <summary>POST /auth/refresh, POST /auth/logout, POST /auth/validate.</summary>
public static class TokenEndpoints
{
    public static void MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/auth/refresh", RefreshAsync);
        app.MapPost("/auth/logout", LogoutAsync);
        app.MapPost("/auth/validate", ValidateAsync);
    }

    private sealed record Rotation(UserRecord? User, TokenPair? Pair, string? Error);

    /// <summary>
    /// Rotation: each refresh token works once and is replaced within the same session. Presenting a used
    /// one again means it leaked (or a client raced itself): the whole session is revoked.
    /// </summary>
    private static async Task<IResult> RefreshAsync(HttpContext ctx, AuthDb db, TokenService tokens)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(ctx.Request);
        if (error is not null) return error;
        if (!JsonBody.TryGetString(body, "refresh_token", required: true, out var refreshToken, out error)) return error!;

        var check = await tokens.VerifyAsync(refreshToken, TokenTypes.Refresh);
        if (!check.IsValid) return Problems.Unauthorized(ctx, $"Invalid refresh token: {check.Error}");
        var jti = check.Claims!.Jti;

        // One transaction under the write lock: two concurrent uses of one token cannot both succeed.
        var rotation = await db.WriteAsync(async (conn, tx) =>
        {
            var row = await SessionStore.FindAsync(conn, jti, tx);
            if (row?.SessionId is null) return new Rotation(null, null, "Refresh token is not recognised.");
            if (row.Revoked) return new Rotation(null, null, "Refresh token has been revoked.");
            if (row.Used || !await SessionStore.MarkUsedAsync(conn, tx, jti))
            {
                await SessionStore.RevokeSessionAsync(conn, tx, row.SessionId, "refresh_token_reuse");
                return new Rotation(null, null, "Refresh token was already used; the session has been revoked.");
            }
            var user = await UserStore.FindByIdAsync(conn, row.UserId, tx);
            if (user is null) return new Rotation(null, null, "The token's user no longer exists.");
            var pair = tokens.CreatePair(user); // current plan_tier, not the one in the old token
            await SessionStore.RecordAsync(conn, tx, row.SessionId, user.Id, pair);
            return new Rotation(user, pair, null);
        });
        return rotation.Error is null
            ? Responses.Tokens(ctx, rotation.User!, rotation.Pair!, tokens.AccessLifetime)
            : Problems.Unauthorized(ctx, rotation.Error);
    }

    /// <summary>
    /// Revokes the bearer token and its whole session (and, if given, the refresh_token's session).
    /// Idempotent: an expired or already revoked token of ours still logs out with 200.
    /// </summary>
    private static async Task<IResult> LogoutAsync(HttpContext ctx, AuthDb db, TokenService tokens)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(ctx.Request, optional: true);
        if (error is not null) return error;
        if (!JsonBody.TryGetString(body, "refresh_token", required: false, out var refreshToken, out error)) return error!;

        var revoke = new List<TokenClaims>();
        var bearer = AccessTokenAuthenticationHandler.BearerToken(ctx.Request);
        if (bearer is not null)
        {
            var check = await tokens.VerifyAsync(bearer, TokenTypes.Access, allowExpired: true);
            if (!check.IsValid) return Problems.Unauthorized(ctx, check.Error!);
            revoke.Add(check.Claims!);
        }
        if (!string.IsNullOrEmpty(refreshToken))
        {
            var check = await tokens.VerifyAsync(refreshToken, TokenTypes.Refresh, allowExpired: true);
            if (!check.IsValid) return Problems.Unauthorized(ctx, $"Invalid refresh_token: {check.Error}");
            if (revoke.Count > 0 && revoke[0].UserId != check.Claims!.UserId)
                return Problems.Of(StatusCodes.Status403Forbidden, "The refresh_token belongs to another user.");
            revoke.Add(check.Claims!);
        }
        if (revoke.Count == 0) return Problems.Unauthorized(ctx, AccessTokenAuthenticationHandler.MissingBearer, tokenPresented: false);

        await db.WriteAsync(async (conn, tx) =>
        {
            foreach (var claims in revoke)
            {
                await SessionStore.RevokeTokenAsync(conn, tx, claims);
                if ((await SessionStore.FindAsync(conn, claims.Jti, tx))?.SessionId is { } sessionId)
                    await SessionStore.RevokeSessionAsync(conn, tx, sessionId, "logout");
            }
            return 0;
        });
        return Results.Ok(new { status = "success" });
    }

    /// <summary>For other services: is this access token valid right now (signature, claims, revocation, user)?</summary>
    private static async Task<IResult> ValidateAsync(HttpContext ctx, AuthDb db, TokenService tokens, AuthSettings settings)
    {
        if (!ServiceCredentials.IsValid(ctx.Request, settings))
            return Problems.Of(StatusCodes.Status401Unauthorized,
                $"Missing or invalid service credentials ({ServiceCredentials.IdHeader}, {ServiceCredentials.SecretHeader}).");

        var (body, error) = await JsonBody.ReadObjectAsync(ctx.Request);
        if (error is not null) return error;
        if (!JsonBody.TryGetString(body, "token", required: true, out var token, out error)) return error!;

        var check = await tokens.ValidateAsync(token, TokenTypes.Access);
        if (!check.IsValid) return Results.Ok(new { valid = false, error = check.Error });

        var claims = check.Claims!;
        var user = await db.ReadAsync(conn => UserStore.FindByIdAsync(conn, claims.UserId));
        if (user is null) return Results.Ok(new { valid = false, error = "The token's user no longer exists." });

        // Plan and permissions as they are now, which may be newer than the token's claims.
        return Results.Ok(new
        {
            valid = true,
            user_id = user.Id,
            email = user.Email,
            plan_tier = user.PlanTier,
            permissions = user.Permissions,
            expires_at = Timestamps.Format(claims.ExpiresAt),
        });
    }
}
