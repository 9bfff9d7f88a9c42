namespace Netra.Acceptance.Support.Drivers;

/// <summary>
/// The contract's timing windows, one home each: how soon one service must see what another did. Every wait on one
/// of them ends as soon as the condition holds (<see cref="Eventually"/>); the window only bounds a failing run.
/// </summary>
public static class ContractWindows
{
    /// <summary>A new user is visible in the backend within one second of signing up.</summary>
    public static readonly TimeSpan NewUserVisible = TimeSpan.FromSeconds(1);

    /// <summary>A changed name is visible in the backend as soon as a new user would be.</summary>
    public static readonly TimeSpan NameChangeVisible = NewUserVisible;

    /// <summary>A plan change is visible in the backend within 500 ms.</summary>
    public static readonly TimeSpan PlanChangeVisible = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long a user event may take when the platform was down: the sign-in service retries with backoff
    /// (1 s, 2 s, 4 s... in the local stack), so a change reaches it within this of it being back.
    /// </summary>
    public static readonly TimeSpan Redelivery = TimeSpan.FromSeconds(15);

    /// <summary>How long until a user event the platform keeps refusing is set aside, with its last error.</summary>
    public static readonly TimeSpan SetAside = Redelivery;

    /// <summary>
    /// How long a revocation may take to reach the platform: it caches the sign-in service's answers briefly and
    /// re-checks open connections periodically (0.5 s each in the local stack; 5 s and 10 s by default).
    /// </summary>
    public static readonly TimeSpan RevocationReach = TimeSpan.FromSeconds(16);
}
