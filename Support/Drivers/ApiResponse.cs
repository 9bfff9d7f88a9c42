using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>A service's answer as the suite sees it: status, JSON body, and the problem detail of an error.</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonNode? Body, IReadOnlyDictionary<string, string> Headers)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The problem-details `detail` of an error answer, if any.</summary>
    public string? Detail => (Body as JsonObject)?["detail"]?.GetValue<string>();

    public string? this[string property] => (Body as JsonObject)?[property]?.ToString();

    public const string AccessTokenField = "access_token";
    public const string RefreshTokenField = "refresh_token";

    /// <summary>The seconds of a Retry-After header, if the answer has one.</summary>
    public int? RetryAfterSeconds => Header("Retry-After");

    /// <summary>The allowance headers every answer to a signed-in customer carries (X-RateLimit-*), null where absent.</summary>
    public (int? Limit, int? Remaining, int? ResetSeconds) Allowance =>
        (Header("X-RateLimit-Limit"), Header("X-RateLimit-Remaining"), Header("X-RateLimit-Reset"));

    private int? Header(string name) =>
        Headers.TryGetValue(name, out var value) && int.TryParse(value, System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>A refusal as the contract words every one: <c>application/problem+json</c> with a <c>detail</c>.</summary>
    public bool IsProblemWithDetail =>
        Headers.TryGetValue("Content-Type", out var type) && type.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(Detail);

    /// <summary>The status, the content type and the detail, for a failure message.</summary>
    public string Describe() => $"{(int)Status} {Status}, {Headers.GetValueOrDefault("Content-Type") ?? "no content type"}: {Detail ?? Body?.ToJsonString() ?? "no body"}";

    public static ApiResponse From(RestResponse response)
    {
        if (response.ResponseStatus is ResponseStatus.Error or ResponseStatus.TimedOut && response.StatusCode == 0)
            throw new HttpRequestException(
                $"{response.Request.Method} {response.ResponseUri} got no answer: {response.ErrorMessage}", response.ErrorException);

        JsonNode? body = null;
        if (!string.IsNullOrWhiteSpace(response.Content))
        {
            try { body = JsonNode.Parse(response.Content); }
            catch (System.Text.Json.JsonException) { body = JsonValue.Create(response.Content); }
        }
        var headers = (response.Headers ?? []).Concat(response.ContentHeaders ?? [])
            .Where(h => h.Name is not null)
            .GroupBy(h => h.Name!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(h => h.Value)), StringComparer.OrdinalIgnoreCase);
        return new ApiResponse(response.StatusCode, body, headers);
    }

    /// <summary>Reads the body as a typed record (for successful answers).</summary>
    public T As<T>() => (Body is null ? default : Body.Deserialize<T>(Json.Options))
        ?? throw new InvalidOperationException($"Expected a {typeof(T).Name} but the body was empty ({Status}).");
}
