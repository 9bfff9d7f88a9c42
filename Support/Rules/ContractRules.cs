using System.Text.RegularExpressions;

namespace Netra.Acceptance.Support.Rules;

/// <summary>One observable rule of the contract, as docs/contract-rules.md lists it.</summary>
public sealed record ContractRule(string Id, string Section, string Text)
{
    /// <summary>The tag a scenario carries to say it proves this rule: <c>@rule:&lt;id&gt;</c>.</summary>
    public string Tag => ContractRules.TagPrefix + Id;
}

/// <summary>
/// The rules of docs/contract-rules.md (copied beside the suite's assembly as contract-rules.md), and the
/// rule tags of scenarios. One reader for the check that every rule is traced, the per-rule report and
/// the failure messages that name a scenario's rules.
/// </summary>
public sealed partial class ContractRules
{
    public const string TagPrefix = "rule:";
    public const string FileName = "contract-rules.md";

    private readonly Dictionary<string, ContractRule> _byId;

    private ContractRules(IReadOnlyList<ContractRule> all)
    {
        All = all;
        _byId = all.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
    }

    public IReadOnlyList<ContractRule> All { get; }

    /// <summary>Ids listed more than once (the check refuses them).</summary>
    public IEnumerable<string> DuplicateIds => All.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key);

    public ContractRule? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The rule ids among a scenario's tags (with or without the leading @).</summary>
    public static IEnumerable<string> IdsIn(IEnumerable<string> tags) =>
        tags.Select(t => t.TrimStart('@')).Where(t => t.StartsWith(TagPrefix, StringComparison.Ordinal))
            .Select(t => t[TagPrefix.Length..]).Distinct();

    /// <summary>The list beside the suite's assembly (the build copies it there), else the repository's.</summary>
    public static ContractRules Load()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, FileName);
        return Parse(File.ReadAllLines(File.Exists(beside) ? beside : Path.Combine(Stack.RepositoryRoot.Find(), "docs", FileName)));
    }

    private static readonly Lazy<ContractRules> Shared = new(Load);

    /// <summary>The list, read once per test run.</summary>
    public static ContractRules Current => Shared.Value;

    public static ContractRules Parse(IEnumerable<string> lines)
    {
        var rules = new List<ContractRule>();
        var section = "";
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal)) section = line[3..].Trim();
            else if (RuleLine().Match(line) is { Success: true } m) rules.Add(new ContractRule(m.Groups["id"].Value, section, m.Groups["text"].Value.Trim()));
        }
        return new ContractRules(rules);
    }

    [GeneratedRegex(@"^- `(?<id>[a-z][a-z0-9-]*(\.[a-z0-9-]+)+)`: (?<text>.+)$")]
    private static partial Regex RuleLine();
}
