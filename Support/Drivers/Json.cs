using System.Text.Json;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>The contract's JSON conventions: snake_case names.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
