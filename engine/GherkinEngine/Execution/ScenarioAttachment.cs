namespace GherkinEngine.Runner;

/// <summary>A file or content attached to a scenario with <see cref="IReqnrollOutputHelper.AddAttachment(string)"/>.</summary>
/// <param name="StepIndex">The index of the step that was running (in <see cref="ScenarioResult.Steps"/>), -1 before the first step.</param>
public sealed record ScenarioAttachment(string FileName, string MediaType, byte[] Content, int StepIndex)
{
    internal static string MediaTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".svg" => "image/svg+xml",
        ".webp" => "image/webp",
        ".txt" or ".log" => "text/plain",
        ".json" => "application/json",
        ".html" or ".htm" => "text/html",
        ".xml" => "application/xml",
        ".zip" => "application/zip",
        _ => "application/octet-stream",
    };

    public bool IsImage => MediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);

    public bool IsText => MediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || MediaType is "application/json" or "application/xml";
}
