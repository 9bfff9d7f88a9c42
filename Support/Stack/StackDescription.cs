using System.Text.Json;
using System.Text.RegularExpressions;

namespace Netra.Acceptance.Support.Stack;

/// <summary>One service as stack/stack.json describes it, its environment filled in for this run.</summary>
public sealed record DescribedService(string Name, string Project, Dictionary<string, string> Environment);

/// <summary>
/// stack/stack.json: the one description of how the reference stack starts (each service, its project, and the environment
/// that wires it to the others), which the stack's own launcher reads too. A data file, not stack code: the suite knows
/// the services only as dlls to start and URLs to call.
/// </summary>
public sealed partial class StackDescription
{
    private readonly JsonElement[] _services;

    private StackDescription(JsonElement[] services) => _services = services;

    public static StackDescription Read()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "stack", "stack.json");
        using var file = JsonDocument.Parse(File.ReadAllText(path));
        return new StackDescription([.. file.RootElement.GetProperty("services").EnumerateArray().Select(s => s.Clone())]);
    }

    /// <summary>The names of the services, in start order.</summary>
    public IReadOnlyList<string> Names => [.. _services.Select(s => s.GetProperty("name").GetString()!)];

    /// <summary>
    /// The services to start, in order, with each placeholder in their environment filled by <paramref name="fill"/>
    /// (given the placeholder's kind and name: "url" and "auth", "data" and null...). A service that is only there
    /// with an option (Google sign-in) is left out without it.
    /// </summary>
    public IReadOnlyList<DescribedService> Services(bool withGoogle, Func<string, string?, string> fill) =>
    [
        .. _services
            .Where(s => !s.TryGetProperty("only-with", out var option) || (option.GetString() == "google" && withGoogle))
            .Select(s => new DescribedService(s.GetProperty("name").GetString()!, s.GetProperty("project").GetString()!,
                Variables(s, "environment").Concat(withGoogle ? Variables(s, "with-google") : [])
                    .ToDictionary(v => v.Name, v => Placeholder().Replace(v.Value, m => fill(m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null))))),
    ];

    private static IEnumerable<(string Name, string Value)> Variables(JsonElement service, string part) =>
        service.TryGetProperty(part, out var variables) ? variables.EnumerateObject().Select(v => (v.Name, v.Value.GetString()!)) : [];

    /// <summary>{kind} or {kind:name}.</summary>
    [GeneratedRegex(@"\{([a-z-]+)(?::([a-z-]+))?\}")]
    private static partial Regex Placeholder();
}
