namespace Netra.Auth.Accounts;

/// <summary>
/// Where the login lockout plugs in (contract: 5 failures in 15 minutes → 429 with Retry-After).
/// Login asks <see cref="GetLockoutAsync"/> before checking the password and reports the outcome after.
/// </summary>
public interface ILoginThrottle
{
    /// <summary>How long the email is still locked out, or null if it may try.</summary>
    Task<TimeSpan?> GetLockoutAsync(string normalizedEmail);
    Task RecordFailureAsync(string normalizedEmail);
    Task RecordSuccessAsync(string normalizedEmail);
}

