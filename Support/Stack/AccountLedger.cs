using System.Collections.Concurrent;

namespace Netra.Acceptance.Support.Stack;

/// <summary>
/// The accounts a run created on an environment it did not start, and whether each was closed again at the end of
/// its scenario: what the run's summary reports to the environment's operators. One per run (held by TestRun).
/// </summary>
public sealed class AccountLedger
{
    private readonly ConcurrentDictionary<string, string?> _accounts = new(StringComparer.OrdinalIgnoreCase); // email → null: closed; else why not

    public void Closed(string email) => _accounts[email] = null;

    public void NotClosed(string email, string why) => _accounts[email] = why;

    public string Summary(string emailDomain)
    {
        var open = _accounts.Where(a => a.Value is not null).OrderBy(a => a.Key).ToList();
        var text = $"Accounts this run created (all at @{emailDomain}): {_accounts.Count}, closed again: {_accounts.Count - open.Count}";
        return open.Count == 0
            ? text + ". Clean-up succeeded.\n"
            : text + $". Clean-up FAILED for {open.Count}; close them by hand:\n" + string.Join("\n", open.Select(a => $"  {a.Key}: {a.Value}")) + "\n";
    }
}
