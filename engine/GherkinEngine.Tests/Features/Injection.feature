@injection
Feature: Context injection
  Scenarios of a feature run in file order, so the second one can check the first one's cleanup.

  Scenario: Binding classes share one instance per scenario
    Given the first binding class stores "apple"
    Then the second binding class sees "apple"
    And the scenario context holds "apple"
    And the output helper writes a line

  Scenario: Instances are fresh per scenario
    Then the second binding class sees nothing
    And the previous scenario's objects were disposed in reverse creation order
