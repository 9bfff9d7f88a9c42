using System.Text.Json;
using System.Text.RegularExpressions;

namespace Netra.Launcher;

/// <summary>One service of the stack: its project, the port the launcher gives it and its environment.</summary>
public sealed record ServiceSpec(string Name, string Project, int Port, IReadOnlyDictionary<string, string> Environment)
{
    public string Url => $"http://localhost:{Port}";
}

/// <summary>
/// Where things are (relative to the launcher's own dll) and how the services are wired together: stack.json, the one
/// description of the stack, which the acceptance suite reads too. The launcher starts every service of it, Google
/// sign-in included, on the ports it gives.
/// </summary>
public sealed partial class StackLayout
{
    // Fixed development secrets, so tokens survive a restart of the stack. Override them through the environment.
    private const string DevJwtSecret = "netra-dev-jwt-secret-not-for-production-0123456789";
    private const string DevServiceSecret = "netra-dev-service-secret-not-for-production";
    private const string DevIdpClientSecret = "netra-dev-idp-secret-not-for-production";

    public StackLayout()
    {
        // The launcher itself runs from artifacts/stack/Netra.Launcher/, with stack.json beside it.
        StackDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, ".."));
        DataDir = Path.GetFullPath(Path.Combine(StackDir, "..", "data"));
    }

    public string StackDir { get; }
    public string DataDir { get; }

    /// <summary>The backend's database: DATABASE_URL if set, otherwise the launcher's own PostgreSQL (<see cref="LocalPostgres"/>).</summary>
    public string? ExternalDatabaseUrl { get; } = Env("DATABASE_URL");

    public const int PostgresPort = 5433;

    public string DatabaseUrl { get; set; } = "";

    public string DllPath(ServiceSpec s) => Path.Combine(StackDir, s.Project, s.Project + ".dll");

    /// <summary>The services in start order (stack.json's): each one's dependencies come before it.</summary>
    public IReadOnlyList<ServiceSpec> Services()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "stack.json")));
        var described = file.RootElement.GetProperty("services").EnumerateArray().ToList();
        var urls = described.ToDictionary(s => s.GetProperty("name").GetString()!, s => $"http://localhost:{s.GetProperty("port").GetInt32()}");
        var secrets = new Dictionary<string, string>
        {
            ["jwt"] = Env("JWT_SECRET_KEY") ?? DevJwtSecret,
            ["service"] = Env("SERVICE_SECRET") ?? DevServiceSecret,
            ["idp-client"] = DevIdpClientSecret,
            ["llm-key"] = Env("LLM_API_KEY") ?? "netra-dev-llm-key",
        };
        var frontend = new Uri(urls["frontend"]);
        string Fill(string value) => Placeholder().Replace(value, m => m.Groups[1].Value switch
        {
            "url" => urls[m.Groups[2].Value],
            "secret" => secrets[m.Groups[2].Value],
            "origins" => $"{urls["frontend"]},http://127.0.0.1:{frontend.Port}",
            "data" => DataDir,
            "database-url" => DatabaseUrl,
            var other => throw new InvalidDataException($"stack.json: no such placeholder {{{other}}}"),
        });

        return described.Select(s =>
        {
            var environment = new Dictionary<string, string>();
            foreach (var part in new[] { "environment", "with-google" })
                if (s.TryGetProperty(part, out var variables))
                    foreach (var variable in variables.EnumerateObject()) environment[variable.Name] = Fill(variable.Value.GetString()!);
            return new ServiceSpec(s.GetProperty("name").GetString()!, s.GetProperty("project").GetString()!, s.GetProperty("port").GetInt32(), environment);
        }).ToList();
    }

    /// <summary>{kind} or {kind:name}.</summary>
    [GeneratedRegex(@"\{([a-z-]+)(?::([a-z-]+))?\}")]
    private static partial Regex Placeholder();

    private static string? Env(string name) =>
        System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
}
