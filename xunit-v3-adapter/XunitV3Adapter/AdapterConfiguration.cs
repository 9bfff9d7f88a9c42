using System.Text.Json;

namespace XunitV3Adapter;

/// <summary>
/// What the adapter itself reads from <c>reqnroll.json</c> in the output folder: the default feature language,
/// which it needs to parse features before Reqnroll's runtime starts. Everything else in the file is Reqnroll's.
/// </summary>
internal static class AdapterConfiguration
{
    private static readonly Lazy<string> Language = new(ReadFeatureLanguage);

    public static string DefaultFeatureLanguage => Language.Value;

    private static string ReadFeatureLanguage()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "reqnroll.json");
        if (!File.Exists(path))
            return "en";
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return json.RootElement.TryGetProperty("language", out var language)
                   && language.TryGetProperty("feature", out var feature)
                   && feature.GetString() is { Length: > 0 } name
                ? name
                : "en";
        }
        catch (JsonException)
        {
            return "en"; // Reqnroll's runtime reports the broken file itself.
        }
    }
}
