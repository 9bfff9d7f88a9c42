@lifecycle
Feature: Lifecycle
  Hooks, the order of scenarios and the disposal of drivers, written to a log the tests read.

  Scenario: First
    Given a driver that must be disposed
    Then the step "First" is logged

  Scenario: Second fails
    Given a driver that must be disposed
    Then this step fails

  Scenario: Third
    Then the step "Third" is logged
    And an attachment is added
