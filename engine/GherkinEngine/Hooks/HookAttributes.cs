namespace GherkinEngine;

/// <summary>
/// Base of the hook attributes. Hooks run in ascending <see cref="Order"/> (after-hooks too, as in
/// Reqnroll). With tags, a hook applies only when the scenario (or feature) has any of them.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public abstract class HookAttribute : Attribute
{
    /// <summary>The order of hooks that set none.</summary>
    public const int DefaultOrder = 10000;

    protected HookAttribute(HookType hookType, string[]? tags)
    {
        HookType = hookType;
        Tags = tags ?? Array.Empty<string>();
    }

    public HookType HookType { get; }

    /// <summary>
    /// The hook applies when any entry holds: a tag (<c>@</c> optional) that is present, or a tag expression
    /// such as <c>@browser and not @smoke</c>; no tags: always.
    /// </summary>
    public string[] Tags { get; }

    /// <summary>Lower runs first. Default 10000.</summary>
    public int Order { get; set; } = DefaultOrder;
}

/// <summary>Runs once before any scenario of the test assembly (static methods).</summary>
public sealed class BeforeTestRunAttribute() : HookAttribute(HookType.BeforeTestRun, null);

/// <summary>Runs once after all scenarios of the test assembly (static methods).</summary>
public sealed class AfterTestRunAttribute() : HookAttribute(HookType.AfterTestRun, null);

/// <summary>Runs before the first scenario of each feature (static methods; may take <see cref="FeatureContext"/>).</summary>
public sealed class BeforeFeatureAttribute(params string[] tags) : HookAttribute(HookType.BeforeFeature, tags);

/// <summary>Runs after the last scenario of each feature (static methods; may take <see cref="FeatureContext"/>).</summary>
public sealed class AfterFeatureAttribute(params string[] tags) : HookAttribute(HookType.AfterFeature, tags);

/// <summary>Runs before each scenario.</summary>
public sealed class BeforeScenarioAttribute(params string[] tags) : HookAttribute(HookType.BeforeScenario, tags);

/// <summary>Runs after each scenario, whatever its outcome.</summary>
public sealed class AfterScenarioAttribute(params string[] tags) : HookAttribute(HookType.AfterScenario, tags);

/// <summary>Reqnroll's short name for <see cref="BeforeScenarioAttribute"/>.</summary>
public sealed class BeforeAttribute(params string[] tags) : HookAttribute(HookType.BeforeScenario, tags);

/// <summary>Reqnroll's short name for <see cref="AfterScenarioAttribute"/>.</summary>
public sealed class AfterAttribute(params string[] tags) : HookAttribute(HookType.AfterScenario, tags);

/// <summary>Runs before each step.</summary>
public sealed class BeforeStepAttribute(params string[] tags) : HookAttribute(HookType.BeforeStep, tags);

/// <summary>Runs after each executed step.</summary>
public sealed class AfterStepAttribute(params string[] tags) : HookAttribute(HookType.AfterStep, tags);
