namespace Netra.Acceptance.Hooks;

/// <summary>
/// What the suite refuses to do to an environment it did not start. Marked as production (NETRA_ENVIRONMENT=production),
/// only the @smoke scenarios run: read-mostly, one account at most, no plan changes, no control of the language model,
/// no lockouts. Attached to any environment, a scenario that would leave damage the suite cannot undo (@locks-accounts:
/// a lockout lasts the environment's window) is left out. Either way the scenario is reported as skipped, with the reason.
/// </summary>
[Binding]
public sealed class EnvironmentSafetyHooks(EnvironmentContext environment, ScenarioContext scenario, IReqnrollOutputHelper output)
{
    public const string SmokeTag = "smoke";
    public const string LocksAccountsTag = "locks-accounts";
    /// <summary>Changes plans through the operators' interface: never on production, load allowed or not.</summary>
    public const string ChangesPlansTag = "changes-plans";

    [BeforeScenario(Order = -10)]
    public void OnlySmokeOnProduction()
    {
        var settings = environment.Environment.Settings;
        var tags = scenario.ScenarioInfo.CombinedTags;
        if (!settings.IsProduction || tags.Contains(SmokeTag)) return;
        // The performance feature's bounded load, when its operators allow it there (plan changes stay refused below).
        if (tags.Contains(LoadTag) && settings.AllowLoad && !tags.Contains(ChangesPlansTag)) return;
        LeftOut.Because("Refused on production (NETRA_ENVIRONMENT=production): only the @smoke scenarios, which are safe for production, " +
                        "run there; this one may change plans, control the language model, lock accounts or create more than one account.",
            scenario, output);
    }

    /// <summary>Scenarios that put a load on the platform (the performance feature): bounded, but never on production unasked.</summary>
    public const string LoadTag = "load";

    [BeforeScenario(LoadTag, Order = -10)]
    public void NoLoadOnProductionUnlessAllowed()
    {
        if (!environment.Environment.Settings.IsProduction || environment.Environment.Settings.AllowLoad) return;
        LeftOut.Because("Refused on production (NETRA_ENVIRONMENT=production): this scenario puts a load on the platform to measure it. " +
                        "Set NETRA_ALLOW_LOAD=1 to allow it there.", scenario, output);
    }

    [BeforeScenario(LocksAccountsTag, Order = -9)]
    public void NoLockoutsWhereTheSuiteDidNotStartTheStack()
    {
        if (environment.Environment.IsLocal) return;
        LeftOut.Because("Left out on an environment the suite did not start: this scenario locks an account for the environment's lockout " +
                        "window (15 minutes by default), which the suite cannot undo. It runs on the suite's own stack.", scenario, output);
    }
}
