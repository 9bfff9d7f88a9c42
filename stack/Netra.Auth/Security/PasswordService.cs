using Microsoft.AspNetCore.Identity;
using Netra.Auth.Data;

namespace Netra.Auth.Security;

/// <summary>
/// Password hashing with ASP.NET Core Identity's hasher (PBKDF2-HMAC-SHA512, 100k iterations, random salt;
/// the format is versioned, so a later stronger setting rehashes on next login).
/// A test stack may lower the work factor with PASSWORD_HASH_ITERATIONS (never below 10,000):
/// hashing is deliberately slow, and an acceptance run hashes hundreds of passwords.
/// </summary>
public sealed class PasswordService
{
    private const int DefaultIterations = 100_000;
    private const int MinimumIterations = 10_000;
    private static readonly object HasherUser = new();
    private readonly PasswordHasher<object> _hasher;

    // Verified against when the email is unknown, so both failure paths cost the same time.
    private readonly Lazy<string> _dummyHash;

    public PasswordService(IConfiguration configuration)
    {
        var iterations = Math.Max(MinimumIterations, configuration.GetValue("PASSWORD_HASH_ITERATIONS", DefaultIterations));
        _hasher = new PasswordHasher<object>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = iterations }));
        _dummyHash = new Lazy<string>(() => _hasher.HashPassword(HasherUser, Guid.NewGuid().ToString()));
    }

    public string Hash(string password) => _hasher.HashPassword(HasherUser, password);

    public enum Outcome { Failed, Success, SuccessRehashNeeded }

    /// <summary>Verifies <paramref name="password"/> for <paramref name="user"/> (null: unknown email, always fails).</summary>
    public Outcome Verify(UserRecord? user, string password)
    {
        if (user?.PasswordHash is null)
        {
            _hasher.VerifyHashedPassword(HasherUser, _dummyHash.Value, password);
            return Outcome.Failed;
        }
        return _hasher.VerifyHashedPassword(HasherUser, user.PasswordHash, password) switch
        {
            PasswordVerificationResult.Success => Outcome.Success,
            PasswordVerificationResult.SuccessRehashNeeded => Outcome.SuccessRehashNeeded,
            _ => Outcome.Failed,
        };
    }
}
