using System.Text;

namespace Netra.Acceptance.Support.Evidence;

/// <summary>
/// What one scenario said to the services and heard back: every HTTP exchange and every
/// WebSocket message, in order, with timestamps. Written out as evidence when a scenario fails.
/// </summary>
public sealed class ScenarioTranscript
{
    private const int MaxBodyCharacters = 4_000;
    private readonly List<string> _entries = [];
    private readonly DateTime _start = DateTime.UtcNow;

    /// <summary>The trace context every request and connection of the scenario carries.</summary>
    public ScenarioTrace Trace { get; } = new();

    public void HttpExchange(string request, string? requestBody, string response, string? responseBody)
    {
        var entry = new StringBuilder()
            .AppendLine($"> {request}")
            .Append(Body(requestBody))
            .AppendLine($"< {response}")
            .Append(Body(responseBody));
        Add(entry.ToString().TrimEnd());
    }

    public void SocketMessage(string connection, string direction, string text) => Add($"{connection} {direction} {Truncate(text)}");

    public void Note(string text) => Add(text);

    /// <summary>The last <paramref name="entries"/> entries, for the test output.</summary>
    public string Tail(int entries)
    {
        lock (_entries) return string.Join("\n", _entries.Skip(Math.Max(0, _entries.Count - entries)));
    }

    public override string ToString()
    {
        lock (_entries) return $"trace {Trace.TraceId} (the services' log lines of this scenario carry trace={Trace.TraceId})\n" + string.Join("\n", _entries);
    }

    private void Add(string text)
    {
        var elapsed = DateTime.UtcNow - _start;
        lock (_entries) _entries.Add($"[+{elapsed.TotalMilliseconds,7:0}ms] {text}");
    }

    private static string Body(string? body) => string.IsNullOrEmpty(body) ? "" : "  " + Truncate(body) + "\n";

    private static string Truncate(string text) =>
        text.Length <= MaxBodyCharacters ? text : text[..MaxBodyCharacters] + $"… ({text.Length} characters)";
}
