using Reqnroll;
using Xunit;

namespace Netra.Acceptance.Support.Context;

/// <summary>
/// Leaves a scenario out when the environment cannot run it (no signing key, no controllable
/// language model, somebody else's services): reported as skipped with the reason and how to run
/// it — never as passed. Only for what the environment lacks; a missing service is a failure.
/// </summary>
public static class LeftOut
{
    /// <summary>Marks the scenario as left out, so the evidence hook does not treat it as a failure.</summary>
    public const string Key = "netra.left-out";

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Because(string reason, ScenarioContext? scenario = null, IReqnrollOutputHelper? output = null)
    {
        scenario?.Set(reason, Key);
        output?.WriteLine(reason);
        Assert.Skip(reason);
    }

    /// <summary>As <see cref="Because(string, ScenarioContext?, IReqnrollOutputHelper?)"/>, where a value is expected.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static T Because<T>(string reason)
    {
        Because(reason);
        throw new InvalidOperationException(reason); // never reached: Assert.Skip throws
    }
}
