namespace GherkinEngine;

/// <summary>The kind of step a step definition binds to.</summary>
public enum StepDefinitionType
{
    Given,
    When,
    Then,
}
