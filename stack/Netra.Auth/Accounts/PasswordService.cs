using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using NSec.Cryptography;

namespace Netra.Auth.Accounts;

/// <summary>
/// Password hashing with Argon2id (libsodium, through NSec), at OWASP's Password Storage Cheat Sheet setting:
/// 19 MiB of memory, 2 passes, 1 lane, a 16-byte random salt and a 32-byte hash, stored in the PHC string format
/// (<c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>) so each hash carries its own parameters.
/// Hashes made before (ASP.NET Core Identity's PBKDF2-HMAC-SHA512 format) and Argon2id hashes with weaker
/// parameters still verify, and are replaced by a hash at the current setting at the next successful login.
/// A test stack may make hashing cheaper with PASSWORD_HASH_MEMORY_KIB and PASSWORD_HASH_PASSES (an acceptance run
/// hashes hundreds of passwords on two cores); the defaults are the recommended setting, and a deployment sets neither.
/// </summary>
public sealed class PasswordService
{
    private const int DefaultMemoryKib = 19 * 1024;
    private const int DefaultPasses = 2;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string Prefix = "$argon2id$v=19$";

    private static readonly object HasherUser = new();
    private readonly PasswordHasher<object> _legacy = new();
    private readonly Argon2Parameters _parameters;
    private readonly PasswordBasedKeyDerivationAlgorithm _argon2id;

    // Verified against when the email is unknown, so both failure paths cost the same time.
    private readonly Lazy<string> _dummyHash;

    public PasswordService(IConfiguration configuration)
    {
        _parameters = new Argon2Parameters
        {
            DegreeOfParallelism = 1,
            MemorySize = Math.Max(64, configuration.GetValue("PASSWORD_HASH_MEMORY_KIB", DefaultMemoryKib)),
            NumberOfPasses = Math.Max(1, configuration.GetValue("PASSWORD_HASH_PASSES", DefaultPasses)),
        };
        _argon2id = PasswordBasedKeyDerivationAlgorithm.Argon2id(in _parameters);
        _dummyHash = new Lazy<string>(() => Hash(Guid.NewGuid().ToString()));
    }

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = _argon2id.DeriveBytes(password, salt, HashBytes);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}m={_parameters.MemorySize},t={_parameters.NumberOfPasses},p=1${Base64(salt)}${Base64(hash)}");
    }

    public enum Outcome { Failed, Success, SuccessRehashNeeded }

    /// <summary>Verifies <paramref name="password"/> for <paramref name="user"/> (null: unknown email, always fails).</summary>
    public Outcome Verify(UserRecord? user, string password)
    {
        if (user?.PasswordHash is not { } stored)
        {
            VerifyArgon2id(_dummyHash.Value, password, out _);
            return Outcome.Failed;
        }
        if (stored.StartsWith(Prefix, StringComparison.Ordinal))
            return VerifyArgon2id(stored, password, out var current) ? current ? Outcome.Success : Outcome.SuccessRehashNeeded : Outcome.Failed;

        // A hash from before Argon2id: right password → replace it at this login.
        return _legacy.VerifyHashedPassword(HasherUser, stored, password) is PasswordVerificationResult.Failed
            ? Outcome.Failed
            : Outcome.SuccessRehashNeeded;
    }

    /// <summary>Checks a PHC-format Argon2id hash with the parameters it names; <paramref name="current"/>: made at today's setting.</summary>
    private bool VerifyArgon2id(string stored, string password, out bool current)
    {
        current = false;
        var parts = stored[Prefix.Length..].Split('$');
        if (parts.Length != 3) return false;
        var settings = parts[0].Split(',').Select(p => p.Split('=')).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1);
        if (!settings.TryGetValue("m", out var memory) || !settings.TryGetValue("t", out var passes) || memory < 8 || passes < 1) return false;
        byte[] salt, expected;
        try
        {
            (salt, expected) = (FromBase64(parts[1]), FromBase64(parts[2]));
        }
        catch (FormatException)
        {
            return false;
        }
        var parameters = new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = memory, NumberOfPasses = passes };
        var actual = PasswordBasedKeyDerivationAlgorithm.Argon2id(in parameters).DeriveBytes(password, salt, expected.Length);
        current = memory >= _parameters.MemorySize && passes >= _parameters.NumberOfPasses;
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    // The PHC string format's base64: standard alphabet, no padding.
    private static string Base64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[] FromBase64(string text) => Convert.FromBase64String(text.PadRight(text.Length + (4 - text.Length % 4) % 4, '='));
}
