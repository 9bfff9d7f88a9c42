@hooks
Feature: Hooks
  Hooks scoped with the @hooks tag so they do not touch the other fixture features.

  @tagged
  Scenario: Tagged scenario runs the tagged hook
    Then the before scenario hooks ran as "first,second,default,tagged"
    And the test run and feature hooks ran
    And before step hooks ran 3 times and after step hooks 2 times

  Scenario: Untagged scenario skips the tagged hook
    Then the before scenario hooks ran as "first,second,default"
