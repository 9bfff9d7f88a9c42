using System.Text.RegularExpressions;

namespace Netra.Acceptance.Support.Reports;

/// <summary>
/// Each journey (feature) has a runbook, docs/runbooks/&lt;its title in kebab case&gt;.md: what a red scenario means for
/// customers, the first checks, where to look. Failure messages and evidence point to it.
/// </summary>
public static partial class Runbooks
{
    public static string PathFor(string featureTitle) => $"docs/runbooks/{Slug().Replace(featureTitle.ToLowerInvariant(), "-").Trim('-')}.md";

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Slug();
}
