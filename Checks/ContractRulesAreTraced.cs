using System.Text.RegularExpressions;
using Netra.Acceptance.Support.Rules;
using Netra.Acceptance.Support.Stack;
using Xunit;

namespace Netra.Acceptance.Checks;

/// <summary>
/// The traceability check CI runs with every build: each rule of docs/contract-rules.md is proven by at
/// least one scenario (a <c>@rule:&lt;id&gt;</c> tag on it, its Examples, its Rule or its Feature), and every
/// rule tag names a listed rule. Reads the feature files as written, so it needs no stack.
/// </summary>
public sealed partial class ContractRulesAreTraced
{
    private static readonly ContractRules Rules = ContractRules.Load();

    private static readonly IReadOnlyList<(string File, int Line, string Id)> Tags =
        Directory.GetFiles(Path.Combine(RepositoryRoot.Find(), "Features"), "*.feature")
            .SelectMany(file => File.ReadAllLines(file).SelectMany((text, index) =>
                text.TrimStart().StartsWith('@')
                    ? RuleTag().Matches(text).Select(m => (Path.GetFileName(file), index + 1, m.Groups["id"].Value))
                    : []))
            .ToList();

    [Fact]
    public void The_list_of_rules_is_readable()
    {
        Rules.All.Should().NotBeEmpty("docs/contract-rules.md lists the contract's rules as \"- `<id>`: <rule>\"");
        Rules.DuplicateIds.Should().BeEmpty("each rule id is listed once");
    }

    [Fact]
    public void Every_listed_rule_has_a_scenario()
    {
        var traced = Tags.Select(t => t.Id).ToHashSet();
        var untraced = Rules.All.Where(r => !traced.Contains(r.Id)).Select(r => $"{r.Id} ({r.Section}): {r.Text}");
        untraced.Should().BeEmpty("every rule in docs/contract-rules.md must be proven by a scenario tagged @rule:<id>");
    }

    [Fact]
    public void Every_rule_tag_names_a_listed_rule()
    {
        var unknown = Tags.Where(t => Rules.Find(t.Id) is null).Select(t => $"{t.File}:{t.Line}: @rule:{t.Id}");
        unknown.Should().BeEmpty("a @rule: tag must name a rule listed in docs/contract-rules.md");
    }

    /// <summary>The fault catalog (faults/, benchmark/fault-kill.sh) selects scenarios by the rules a fault names.</summary>
    [Fact]
    public void Every_fault_names_listed_rules()
    {
        var faults = Directory.GetFiles(Path.Combine(RepositoryRoot.Find(), "faults"), "*.patch");
        var wrong = faults.SelectMany(file =>
        {
            var rules = File.ReadLines(file).TakeWhile(l => !l.StartsWith("diff --git", StringComparison.Ordinal))
                .FirstOrDefault(l => l.StartsWith("Rules:", StringComparison.Ordinal))?["Rules:".Length..]
                .Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            return rules.Length == 0
                ? [$"{Path.GetFileName(file)}: no Rules: line"]
                : rules.Where(id => Rules.Find(id) is null).Select(id => $"{Path.GetFileName(file)}: {id}");
        });
        wrong.Should().BeEmpty("each fault names the rules it breaks, as listed in docs/contract-rules.md, so the benchmark runs their scenarios");
    }

    [Fact]
    public void Every_journey_has_a_runbook()
    {
        var root = RepositoryRoot.Find();
        var missing = Directory.GetFiles(Path.Combine(root, "Features"), "*.feature")
            .Select(file => File.ReadLines(file).Select(l => l.Trim()).First(l => l.StartsWith("Feature:", StringComparison.Ordinal))["Feature:".Length..].Trim())
            .Select(Support.Reports.Runbooks.PathFor)
            .Where(path => !File.Exists(Path.Combine(root, path)));
        missing.Should().BeEmpty("a failed scenario's message points to its journey's runbook");
    }

    [GeneratedRegex(@"@rule:(?<id>\S+)")]
    private static partial Regex RuleTag();
}
