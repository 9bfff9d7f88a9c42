namespace Netra.Backend.Infrastructure;

/// <summary>application/problem+json answers with a detail that says what was wrong.</summary>
public static class Problems
{
    public static IResult Create(int status, string detail, string? title = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title);

    public static IResult BadRequest(string detail) => Create(StatusCodes.Status400BadRequest, detail);
    public static IResult Unauthorized(string detail) => Create(StatusCodes.Status401Unauthorized, detail);
    public static IResult NotFound(string detail) => Create(StatusCodes.Status404NotFound, detail);
    public static IResult Validation(string detail) => Create(StatusCodes.Status422UnprocessableEntity, detail);
}
