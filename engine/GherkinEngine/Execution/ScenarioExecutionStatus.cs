namespace GherkinEngine;

/// <summary>The outcome of a scenario so far (Reqnroll's values).</summary>
public enum ScenarioExecutionStatus
{
    OK,
    StepDefinitionPending,
    UndefinedStep,
    BindingError,
    TestError,
    Skipped,
}

/// <summary>The Given/When/Then block the scenario is in.</summary>
public enum ScenarioBlock
{
    None,
    Given,
    When,
    Then,
}
