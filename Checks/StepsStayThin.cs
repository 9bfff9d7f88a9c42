using System.Text.RegularExpressions;
using Netra.Acceptance.Support.Stack;
using Xunit;

namespace Netra.Acceptance.Checks;

/// <summary>
/// Steps stay a few lines that call a driver, and the protocol stays in Support/: the README's rule for steps, kept.
/// A step method's size is the lines of its body that hold code: not blank, not only braces, not only a comment (an
/// expression body counts from its arrow to its semicolon).
/// </summary>
public sealed partial class StepsStayThin
{
    private const int MedianAtMost = 4;
    private const int LongestAtMost = 12;

    private static readonly string Steps = Path.Combine(RepositoryRoot.Find(), "StepDefinitions");

    [Fact]
    public void Step_methods_are_a_few_lines()
    {
        var sizes = StepMethods().ToList();
        sizes.Should().NotBeEmpty("StepDefinitions/ holds the suite's steps");
        var ordered = sizes.Select(s => s.Lines).Order().ToList();
        var median = ordered.Count % 2 == 1 ? ordered[ordered.Count / 2] : (ordered[ordered.Count / 2 - 1] + ordered[ordered.Count / 2]) / 2.0;
        median.Should().BeLessThanOrEqualTo(MedianAtMost, $"a step is a few lines that call a driver ({sizes.Count} step methods)");
        sizes.Where(s => s.Lines > LongestAtMost).Select(s => $"{s.Method} ({s.Lines} lines)").Should().BeEmpty(
            $"no step method is longer than {LongestAtMost} lines: move what it does into a driver task in Support/");
    }

    [Fact]
    public void Steps_name_no_protocol()
    {
        var found = Directory.GetFiles(Steps, "*.cs")
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (File: Path.GetFileName(file), Number: i + 1, Line: line)))
            .Where(l => Protocol().IsMatch(l.Line))
            .Select(l => $"{l.File}:{l.Number}: {l.Line.Trim()}");
        found.Should().BeEmpty("status codes, JSON field names, headers and socket event names live in Support/ (Refusal, Bodies, SocketMessage)");
    }

    /// <summary>Each step method's name and the size of its body.</summary>
    private static IEnumerable<(string Method, int Lines)> StepMethods()
    {
        foreach (var file in Directory.GetFiles(Steps, "*.cs"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!StepAttribute().IsMatch(lines[i])) continue;
                var signature = i;
                while (signature < lines.Length && lines[signature].TrimStart().StartsWith('[')) signature++;
                var name = $"{Path.GetFileNameWithoutExtension(file)}.{MethodName().Match(lines[signature]).Groups[1].Value}";
                var (size, end) = BodySize(lines, signature);
                yield return (name, size);
                i = end;
            }
        }
    }

    private static (int Size, int End) BodySize(string[] lines, int signature)
    {
        var start = signature;
        while (!lines[start].Contains("=>") && !lines[start].Contains('{')) start++;
        var first = lines[start];
        if (first.Contains("=>") && (!first.Contains('{') || first.IndexOf("=>", StringComparison.Ordinal) < first.IndexOf('{')))
        {
            var count = 0;
            for (var n = start; ; n++)
            {
                var code = n == start ? lines[n][(lines[n].IndexOf("=>", StringComparison.Ordinal) + 2)..] : lines[n];
                if (IsCode(code)) count++;
                if (lines[n].TrimEnd().EndsWith(';')) return (count, n);
            }
        }
        var depth = 0;
        var size = 0;
        for (var n = start; ; n++)
        {
            foreach (var c in Literals().Replace(lines[n], "\"\""))
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (n > start && IsCode(lines[n]) && !(depth == 0 && lines[n].Trim() == "}")) size++;
            if (depth == 0) return (size, n);
        }
    }

    private static bool IsCode(string line) => line.Trim() is { Length: > 0 } t && t is not ("{" or "}" or "};") && !t.StartsWith("//");

    [GeneratedRegex(@"^\s*\[(Given|When|Then|StepDefinition)\(")]
    private static partial Regex StepAttribute();

    [GeneratedRegex(@"(\w+)\s*\(")]
    private static partial Regex MethodName();

    [GeneratedRegex("""@?"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)'""")]
    private static partial Regex Literals();

    /// <summary>
    /// What only Support/ may name: HTTP statuses, snake_case JSON fields and socket codes, the contract's headers, socket
    /// close codes and the socket's message types.
    /// </summary>
    [GeneratedRegex("""HttpStatusCode|System\.Net\b|WebSocketCloseStatus|\.Status\b|\["[a-z]+_[a-z_]+"\]|"[a-z]+_[a-z_]+"|"[A-Z]+_[A-Z_]+"|Retry-After|X-RateLimit|WWW-Authenticate|X-Service|"(error|pong|ping)"|GetByTestId|\.Payload\b|\.Body\b""")]
    private static partial Regex Protocol();
}
