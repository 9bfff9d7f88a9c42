namespace Netra.Shared.Input;

/// <summary>
/// A person's name, the same rule in every service that takes one (auth's sign-up and name change, the backend's
/// name change): trimmed, 1 to 100 characters, and text by <see cref="TextInput"/>'s rule. Checked in the backend
/// before it asks auth, so a name one service refuses never reaches the other.
/// </summary>
public static class PersonName
{
    public const int MaxLength = 100;

    /// <summary>The trimmed name, or why it cannot be a name.</summary>
    public static (string? Name, string? Problem) Check(string raw, string field = "name")
    {
        if (TextInput.Problem(field, raw) is { } notText) return (null, notText);
        var name = raw.Trim();
        if (name.Length == 0) return (null, $"Field '{field}' must not be empty.");
        if (name.Length > MaxLength) return (null, $"Field '{field}' must be at most {MaxLength} characters.");
        return (name, null);
    }
}
