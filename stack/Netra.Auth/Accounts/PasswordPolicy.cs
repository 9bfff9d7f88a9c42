namespace Netra.Auth.Accounts;

/// <summary>The contract's password rule: 8–128 characters with an upper- and lower-case letter, a digit and a symbol.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    /// <summary>The first rule the password breaks, worded for the caller; null if it is acceptable.</summary>
    public static string? FindViolation(string password)
    {
        if (password.Length < MinLength) return $"Password must be at least {MinLength} characters long.";
        if (password.Length > MaxLength) return $"Password must be at most {MaxLength} characters long.";
        if (!password.Any(char.IsUpper)) return "Password must contain at least one uppercase letter.";
        if (!password.Any(char.IsLower)) return "Password must contain at least one lowercase letter.";
        if (!password.Any(char.IsDigit)) return "Password must contain at least one digit.";
        if (!password.Any(c => char.IsPunctuation(c) || char.IsSymbol(c)))
            return "Password must contain at least one symbol (e.g. !@#$%).";
        return null;
    }
}
