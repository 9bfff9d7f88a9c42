using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Netra.Backend.Infrastructure;

namespace Netra.Backend.Auth;

/// <summary>
/// "Bearer" scheme over <see cref="AccessTokenValidator"/>. A missing or bad token is answered with
/// 401 problem+json and WWW-Authenticate: Bearer (the contract's choice over the platform's 403).
/// </summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AccessTokenValidator validator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadBearerToken(Request, out var headerError);
        if (headerError is not null) return AuthenticateResult.Fail(headerError);
        if (token is null) return AuthenticateResult.NoResult();

        var validation = await validator.ValidateAsync(token, Context.RequestAborted);
        if (!validation.IsValid) return AuthenticateResult.Fail(validation.Error!);

        var principal = AccessTokenValidator.ToPrincipal(validation.Token!, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var reason = result.Failure?.Message;
        Response.Headers.WWWAuthenticate = reason is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{reason.Replace("\"", "'")}\"";
        var detail = reason ?? "Authentication required: send an access token as 'Authorization: Bearer <token>'.";
        await Problems.Unauthorized(detail).ExecuteAsync(Context);
    }

    /// <summary>Token from "Authorization: Bearer x"; null when there is no header; an error when the header is unusable.</summary>
    public static string? ReadBearerToken(HttpRequest request, out string? error)
    {
        error = null;
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header)) return null;
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            error = "Authorization header must use the Bearer scheme.";
            return null;
        }
        var token = header["Bearer ".Length..].Trim();
        if (token.Length == 0) error = "Authorization header has an empty bearer token.";
        return token.Length == 0 ? null : token;
    }
}
