Feature: Outcomes
  Each scenario ends in a known way, so the tests can check how xUnit and the reports see it.

  Scenario: A passing scenario
    Given a calculator
    Then the result is 0

  Scenario: A failing step
    Given a calculator
    When I add 2 and 2
    Then the result is 5
    And the result is not 6

  Scenario: A pending step
    Given a calculator
    When I do something not done yet

  Scenario: An undefined step
    Given a calculator
    When I do something nobody wrote

  @ignore
  Scenario: An ignored scenario
    Given a calculator

  @left-out
  Scenario: A scenario the environment cannot run
    Given a calculator

  @after-fails
  Scenario: An after-scenario hook that fails
    Given a calculator
