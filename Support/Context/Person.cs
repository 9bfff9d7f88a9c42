using Netra.Acceptance.Support.Drivers;

namespace Netra.Acceptance.Support.Context;

/// <summary>
/// Someone a scenario talks about ("Maria"): a made-up, unique identity for this scenario only,
/// plus what the services have told us about her so far.
/// </summary>
public sealed class Person(string alias, string fullName, string email, string password)
{
    public string Alias { get; } = alias;
    public string FullName { get; } = fullName;
    public string Email { get; } = email;
    public string Password { get; } = password;

    /// <summary>Her name as she last gave it: at sign-up, or changed since.</summary>
    public string Name { get; set; } = fullName;

    /// <summary>Her account id, as the auth service assigned it at sign-up.</summary>
    public string? UserId { get; set; }

    /// <summary>Her current session, when signed in.</summary>
    public Session? Session { get; set; }

    /// <summary>A session she ended by logging out, kept to prove it stays ended.</summary>
    public Session? EndedSession { get; set; }

    /// <summary>She signed in with Google in this scenario (so her account may have no password).</summary>
    public bool SignedInWithGoogle { get; set; }

    /// <summary>She closed her account in this scenario: nothing of hers is left to clean up.</summary>
    public bool AccountClosed { get; set; }

    /// <summary>The last answer that refused her something (sign-up, login).</summary>
    public ApiResponse? LastRefusal { get; set; }

    public string AccessToken =>
        Session?.AccessToken ?? throw new InvalidOperationException($"{Alias} is not signed in; sign her up or log her in first.");
}
