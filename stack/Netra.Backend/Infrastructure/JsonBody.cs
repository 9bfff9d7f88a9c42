using System.Text.Json;
using System.Text.Unicode;
using Netra.Shared.Input;

namespace Netra.Backend.Infrastructure;

/// <summary>
/// Reads a JSON object body by hand instead of model binding, so that every kind of bad input
/// (wrong content type, oversize, broken JSON, wrong field types) gets a 4xx problem that names
/// the cause rather than a bare 400 or a 500.
/// </summary>
public static class JsonBody
{
    /// <summary>Large enough for a 10,000-character message even if every character is \u-escaped.</summary>
    public const int MaxBytes = 256 * 1024;

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 32 };

    public sealed record Result(JsonElement Body, IResult? Error)
    {
        public bool Ok => Error is null;
    }

    public static async Task<Result> ReadObjectAsync(HttpRequest request, bool allowEmpty = false)
    {
        if (request.ContentLength is > MaxBytes)
            return Fail(Problems.Create(StatusCodes.Status413PayloadTooLarge, $"Request body is larger than {MaxBytes} bytes."));

        var hasBody = request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (!hasBody)
        {
            return allowEmpty
                ? new Result(EmptyObject(), null)
                : Fail(Problems.Validation("Request body is required: send a JSON object."));
        }

        if (!request.HasJsonContentType())
            return Fail(Problems.Create(StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json."));

        byte[]? bytes;
        try
        {
            bytes = await RequestBody.ReadAtMostAsync(request.Body, MaxBytes, request.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own limit or framing (a chunked body past MaxRequestBodySize, a body cut short).
            return Fail(Problems.Create(ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"Request body is larger than {MaxBytes} bytes." : $"The request body could not be read: {ex.Message}"));
        }
        if (bytes is null)
            return Fail(Problems.Create(StatusCodes.Status413PayloadTooLarge, $"Request body is larger than {MaxBytes} bytes."));

        if (bytes.Length == 0 && allowEmpty) return new Result(EmptyObject(), null);
        // JsonDocument checks string contents only when they are read; check up front so that a bad
        // byte is the client's 400, not a 500 in the middle of an endpoint.
        if (!Utf8.IsValid(bytes)) return Fail(Problems.BadRequest("Request body is not valid UTF-8."));

        try
        {
            using var doc = JsonDocument.Parse(bytes, ParseOptions);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return Fail(Problems.Validation($"Request body must be a JSON object, not {Describe(doc.RootElement.ValueKind)}."));
            return new Result(doc.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
            return Fail(Problems.BadRequest($"Request body is not valid JSON{where}."));
        }
    }

    /// <summary>
    /// Optional string field: missing or null → (null, null); any other non-string, or a string that is not text by the
    /// services' one rule (<see cref="TextInput"/>; line breaks allowed in <paramref name="prose"/>) → error text.
    /// </summary>
    public static (string? Value, string? Error) OptionalString(JsonElement body, string name, bool prose = false)
    {
        if (!body.TryGetProperty(name, out var el) || el.ValueKind == JsonValueKind.Null) return (null, null);
        return el.ValueKind == JsonValueKind.String
            ? TextInput.Read(el, name, prose)
            : (null, $"Field '{name}' must be a string, not {Describe(el.ValueKind)}.");
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an unknown value",
    };

    private static JsonElement EmptyObject()
    {
        using var doc = JsonDocument.Parse("{}");
        return doc.RootElement.Clone();
    }

    private static Result Fail(IResult error) => new(default, error);
}
