namespace GherkinEngine;

/// <summary>Per-scenario state: the scenario's header, the current step, the outcome and a shared dictionary.</summary>
public sealed class ScenarioContext : ReqnrollContext
{
    internal ScenarioContext(ScenarioInfo scenarioInfo, ObjectContainer container)
    {
        ScenarioInfo = scenarioInfo;
        ScenarioContainer = container;
    }

    public ScenarioInfo ScenarioInfo { get; }

    /// <summary>The step being run (the last one run, in after-scenario hooks); null before the first step.</summary>
    public ScenarioStepContext? StepContext { get; internal set; }

    public ScenarioBlock CurrentScenarioBlock { get; internal set; } = ScenarioBlock.None;

    public ScenarioExecutionStatus ScenarioExecutionStatus { get; internal set; } = ScenarioExecutionStatus.OK;

    /// <summary>The scenario's object container.</summary>
    public IObjectContainer ScenarioContainer { get; }

    /// <summary>Marks the current step as pending (throws <see cref="PendingStepException"/>).</summary>
    public void Pending() => throw new PendingStepException();
}
