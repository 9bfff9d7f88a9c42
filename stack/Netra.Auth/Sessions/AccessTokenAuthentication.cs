using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Netra.Shared.Http;

namespace Netra.Auth.Sessions;

/// <summary>
/// The "Bearer" scheme of the auth service's own endpoints (/auth/me, PATCH /auth/me, DELETE /auth/account): a valid,
/// unrevoked access token of this service, checked by <see cref="TokenService"/>. As in the backend, a missing or bad
/// token is answered 401 problem+json with the RFC 6750 challenge; endpoints say <c>RequireAuthorization()</c>.
/// </summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder, TokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken(Request);
        if (token is null) return AuthenticateResult.NoResult();
        var check = await tokens.ValidateAsync(token, TokenTypes.Access);
        if (!check.IsValid) return AuthenticateResult.Fail(check.Error!);
        var identity = new ClaimsIdentity([new Claim(UserClaims.Subject, check.Claims!.UserId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var refusal = result.Failure is { } failure
            ? Problems.Unauthorized(Context, failure.Message)
            : Problems.Unauthorized(Context, MissingBearer, tokenPresented: false);
        await refusal.ExecuteAsync(Context);
    }

    /// <summary>The token of an "Authorization: Bearer ..." header, or null if there is none.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }

    public const string MissingBearer = "Missing bearer token: send 'Authorization: Bearer <access token>'.";
}
