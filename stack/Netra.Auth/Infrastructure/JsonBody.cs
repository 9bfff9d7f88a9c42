using System.Text.Json;
using System.Text.Unicode;
using Netra.Shared.Input;

namespace Netra.Auth.Infrastructure;

/// <summary>
/// Reads request bodies by hand rather than through model binding, so that each way a body can be wrong
/// (content type, size, syntax, shape, field types) gets its own status and a detail that names it.
/// </summary>
public static class JsonBody
{
    /// <summary>Kestrel's request body limit for this service (nothing it accepts is anywhere near this).</summary>
    public const long MaxBytes = 64 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <summary>
    /// Parses a JSON object body. With <paramref name="optional"/>, an absent body yields an empty object.
    /// On failure returns the problem to answer with.
    /// </summary>
    public static async Task<(JsonElement Body, IResult? Error)> ReadObjectAsync(HttpRequest request, bool optional = false)
    {
        var canHaveBody = request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true;
        var empty = request.ContentLength == 0 || !canHaveBody;
        if (empty)
        {
            return optional
                ? (EmptyObject(), null)
                : (default, Problems.Of(StatusCodes.Status400BadRequest, "Request body is required: send a JSON object."));
        }
        if (!request.HasJsonContentType())
        {
            return (default, Problems.Of(StatusCodes.Status415UnsupportedMediaType,
                $"Content-Type must be application/json (got '{request.ContentType ?? "none"}')."));
        }
        if (request.ContentLength > MaxBytes)
            return (default, Problems.Of(StatusCodes.Status413PayloadTooLarge, $"Request body exceeds {MaxBytes} bytes."));

        try
        {
            var bytes = await RequestBody.ReadAtMostAsync(request.Body, (int)MaxBytes, request.HttpContext.RequestAborted);
            if (bytes is null)
                return (default, Problems.Of(StatusCodes.Status413PayloadTooLarge, $"Request body exceeds {MaxBytes} bytes."));
            // JsonDocument checks the bytes of a string only when it is read: check them all up front, so a bad byte
            // is the client's 400, never a 500 in the middle of an endpoint.
            if (!Utf8.IsValid(bytes))
                return (default, Problems.Of(StatusCodes.Status400BadRequest, "Request body is not valid UTF-8."));
            using var doc = JsonDocument.Parse(bytes, Options);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return (default, Problems.Validation($"Request body must be a JSON object, not {Describe(doc.RootElement.ValueKind)}."));
            return (doc.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return (default, Problems.Of(StatusCodes.Status400BadRequest, $"Malformed JSON: {FirstSentence(ex.Message)}"));
        }
        catch (BadHttpRequestException ex)
        {
            return (default, Problems.Of(ex.StatusCode, ex.Message));
        }
    }

    /// <summary>Reads a string field. Absent or null is fine unless <paramref name="required"/>; another JSON type is not.</summary>
    public static bool TryGetString(JsonElement body, string name, bool required, out string? value, out IResult? error)
    {
        value = null;
        error = null;
        if (!body.TryGetProperty(name, out var prop) || prop.ValueKind == JsonValueKind.Null)
        {
            if (required) error = Problems.Validation($"Field '{name}' is required.");
            return !required;
        }
        if (prop.ValueKind != JsonValueKind.String)
        {
            error = Problems.Validation($"Field '{name}' must be a string, not {Describe(prop.ValueKind)}.");
            return false;
        }
        (value, var notText) = TextInput.Read(prop, name);
        if (notText is not null)
        {
            error = Problems.Validation(notText);
            return false;
        }
        if (required && string.IsNullOrEmpty(value))
        {
            error = Problems.Validation($"Field '{name}' must not be empty.");
            return false;
        }
        return true;
    }

    private static JsonElement EmptyObject()
    {
        using var doc = JsonDocument.Parse("{}");
        return doc.RootElement.Clone();
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.String => "a string",
        _ => "null",
    };

    // System.Text.Json messages end with a long "Path: ... | LineNumber" tail; keep the useful part.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
