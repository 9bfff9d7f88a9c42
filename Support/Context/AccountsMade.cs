namespace Netra.Acceptance.Support.Context;

/// <summary>
/// Every account a scenario's sign-ups made, with the password it was made with (a step may sign up with another
/// password than the person's own). Written by <see cref="Drivers.AuthApi"/>; the clean-up of an environment the
/// suite did not start closes each of them.
/// </summary>
public sealed class AccountsMade
{
    private readonly Dictionary<string, string> _passwords = new(StringComparer.OrdinalIgnoreCase);

    public void Made(string email, string password)
    {
        lock (_passwords) _passwords[email] = password;
    }

    public IReadOnlyList<(string Email, string Password)> All
    {
        get { lock (_passwords) return [.. _passwords.Select(p => (p.Key, p.Value))]; }
    }
}
