@nonparallelizable
Feature: Non-parallel feature
  The default marker tag keeps this feature out of parallel execution.

  Scenario: It runs alone too
    Given a calculator
    When I add 1 and 2
    Then the result is 3
