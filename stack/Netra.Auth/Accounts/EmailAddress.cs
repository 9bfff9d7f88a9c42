using System.Text.RegularExpressions;

namespace Netra.Auth.Accounts;

public static partial class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>Emails compare case-insensitively: store and look up the trimmed lower-case form.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A deliberately plain check: one @, no spaces, a dot in the domain.</summary>
    public static string? FindViolation(string normalized)
    {
        if (normalized.Length > MaxLength) return $"Field 'email' must be at most {MaxLength} characters.";
        return Shape().IsMatch(normalized) ? null : "Field 'email' is not a valid email address.";
    }

    /// <summary>A display name for users who give none: "jane.doe+x@ex.com" → "Jane Doe".</summary>
    public static string NameFrom(string normalized)
    {
        var local = normalized.Split('@')[0].Split('+')[0];
        var words = local.Split(['.', '_', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        var name = string.Join(' ', words);
        return name.Length > 0 ? name : normalized.Split('@')[0];
    }

    [GeneratedRegex(@"^[^@\s\p{C}]+@[^@\s\p{C}]+\.[^@\s\p{C}]+$")]
    private static partial Regex Shape();
}
