using System.Text.Json;

namespace Netra.Backend.Infrastructure;

/// <summary>One JSON shape for REST and WebSocket: snake_case names, as in the contract.</summary>
public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Options = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        return options;
    }
}
