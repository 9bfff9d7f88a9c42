using Microsoft.AspNetCore.WebUtilities;

namespace Netra.Auth.Infrastructure;

/// <summary>Every error leaves the service as application/problem+json with a detail saying what was wrong.</summary>
public static class Problems
{
    public static IResult Of(int status, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: ReasonPhrases.GetReasonPhrase(status));

    public static IResult Validation(string detail) => Of(StatusCodes.Status422UnprocessableEntity, detail);

    /// <summary>401 with the WWW-Authenticate challenge of RFC 6750.</summary>
    public static IResult Unauthorized(HttpContext ctx, string detail, bool tokenPresented = true)
    {
        ctx.Response.Headers.WWWAuthenticate = tokenPresented ? "Bearer error=\"invalid_token\"" : "Bearer";
        return Of(StatusCodes.Status401Unauthorized, detail);
    }

    /// <summary>
    /// Maps framework exceptions (malformed requests, oversized bodies) to 4xx problems; anything else is a
    /// logged 500 that names no internals.
    /// </summary>
    public static void UseProblemErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async ctx =>
            {
                var error = ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
                IResult result;
                if (error is BadHttpRequestException bad)
                {
                    result = Of(bad.StatusCode, bad.Message);
                }
                else
                {
                    ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Netra.Auth.Errors")
                        .LogError(error, "Unhandled exception on {Method} {Path}", ctx.Request.Method, ctx.Request.Path);
                    result = Of(StatusCodes.Status500InternalServerError, "An unexpected error occurred.");
                }
                await result.ExecuteAsync(ctx);
            },
        });

        // Empty 4xx/5xx answers from routing (unknown path, wrong method) get a problem body too.
        app.UseStatusCodePages(async sc =>
        {
            var ctx = sc.HttpContext;
            var status = ctx.Response.StatusCode;
            var detail = status switch
            {
                404 => $"No endpoint matches {ctx.Request.Method} {ctx.Request.Path}.",
                405 => $"Method {ctx.Request.Method} is not allowed on {ctx.Request.Path}.",
                _ => ReasonPhrases.GetReasonPhrase(status),
            };
            await Of(status, detail).ExecuteAsync(ctx);
        });
    }
}
