# A feature tagged with a reqnroll.json marker tag (generator.addNonParallelizableMarkerForTags: serial)
# runs alone, never in parallel with another feature.
@fixture @serial
Feature: Serial feature
  Scenario: It runs alone
    Given a calculator
    When I add 1 and 1
    Then the result is 2
