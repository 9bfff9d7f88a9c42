namespace GherkinEngine;

/// <summary>When a hook runs.</summary>
public enum HookType
{
    BeforeTestRun,
    AfterTestRun,
    BeforeFeature,
    AfterFeature,
    BeforeScenario,
    AfterScenario,
    BeforeStep,
    AfterStep,
}

internal static class HookTypeExtensions
{
    /// <summary>Test-run and feature hooks run outside any scenario, so they cannot use binding instances.</summary>
    public static bool RequiresStatic(this HookType type) =>
        type is HookType.BeforeTestRun or HookType.AfterTestRun or HookType.BeforeFeature or HookType.AfterFeature;
}
