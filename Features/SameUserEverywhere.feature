@journey @consistency @disruptive
Feature: A user is the same person in every service
  Who it protects: every user, and the revenue tied to their account ($50K+ MRR).
  The sign-in service owns accounts; the platform keeps its own copy. If the two drift
  apart, people are billed on the wrong plan, lose their history, or cannot chat at all.
  These scenarios run on a Netra of their own, so taking a service down disturbs no one else.

  Scenario: Someone who signs up while the platform is down is known once it is back
    Given the platform is down
    When Maria signs up
    And the platform is started again
    Then soon after, the platform knows Maria by the same account and email as the sign-in service
