Feature: Broken
  Scenario: Not Gherkin
    Given a step
    | an unfinished table
  Examples without an outline
