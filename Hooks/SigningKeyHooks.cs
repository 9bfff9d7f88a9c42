using Netra.Acceptance.Support.Security;

namespace Netra.Acceptance.Hooks;

/// <summary>
/// Scenarios tagged @needs-signing-key forge tokens with the environment's own signing key. Attached to an
/// environment whose key the suite was not given (no NETRA_JWT_SECRET), they cannot say anything: they are
/// reported as skipped, with the reason and the way to run them, never as passed.
/// </summary>
[Binding]
public sealed class SigningKeyHooks(EnvironmentContext environment, ScenarioContext scenario, IReqnrollOutputHelper output)
{
    [BeforeScenario(TokenForge.NeedsSigningKeyTag, Order = 0)]
    public void RequireTheSigningKey()
    {
        if (environment.Environment.JwtSecret is not null) return;
        const string reason = "Not run: this scenario forges tokens with the environment's signing key, which the suite was not given " +
                              "for this attached environment. Set NETRA_JWT_SECRET to run it.";
        LeftOut.Because(reason, scenario, output);
    }
}
