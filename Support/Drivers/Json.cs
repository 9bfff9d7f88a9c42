using System.Text.Json;
using System.Text.Json.Nodes;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>The contract's JSON conventions: snake_case names.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static T? Deserialize<T>(this JsonNode? node, JsonSerializerOptions options) => node is null ? default : node.Deserialize<T>(options);
}
