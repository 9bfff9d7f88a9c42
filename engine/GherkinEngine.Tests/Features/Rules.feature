Feature: Rules
  Background:
    Given the "feature" background ran

  Rule: First rule
    Background:
      Given the "rule" background ran

    Scenario: Rule scenario sees both backgrounds
      Then the backgrounds ran in the order "feature,rule"

  @second-rule
  Rule: Second rule
    Scenario: Other rule sees only the feature background
      Then the backgrounds ran in the order "feature"
