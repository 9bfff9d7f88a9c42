@journey @consistency @disruptive
Feature: A user is the same person in every service
  Who it protects: every user, and the revenue tied to their account ($50K+ MRR).
  The sign-in service owns accounts; the platform keeps its own copy. If the two drift
  apart, people are billed on the wrong plan, lose their history, or cannot chat at all; and
  someone who closes her account must not leave her conversations behind on the platform.
  These scenarios run on a Netra of their own, so taking a service down disturbs no one else.

  @rule:users.delivered-later
  Scenario: Someone who signs up while the platform is down is known once it is back
    Given the platform is down
    When Maria signs up
    And the platform is started again
    Then soon after, the platform knows Maria by the same account and email as the sign-in service

  @rule:auth.name-change
  Scenario: A name changed in her account reaches the platform
    Given Maria has signed up
    When Maria changes her name to "Maria Lindqvist" in her account
    Then the platform knows Maria by her new name

  @rule:users.name-from-auth
  Scenario: A name changed on the platform is changed in the sign-in service too
    Given Maria has signed up
    When Maria changes her name to "Maria Lindqvist" on the platform
    Then the sign-in service knows Maria by that name too
    And the platform knows Maria by her new name

  @rule:users.delivered-later
  Scenario: A name changed while the platform is down reaches it once it is back
    Given Maria has signed up
    And the platform is down
    When Maria changes her name to "Maria Lindqvist" in her account
    And the platform is started again
    Then soon after, the platform knows Maria by her new name

  @rule:users.name-from-auth
  Scenario: While the sign-in service is down, the platform does not change a name on its own
    Given Maria has signed up
    And the sign-in service is down
    When Maria tries to change her name to "Maria Lindqvist" on the platform
    Then Maria is told her name was not changed and to try again shortly
    When the sign-in service is started again
    Then both services still know Maria by her old name

  @rule:auth.name-change @rule:users.name-from-auth @rule:errors.problem-details
  Scenario Outline: A name that cannot be a name is refused with the reason, and changes nowhere
    Given Maria has signed up
    When Maria tries to change her name to <bad name> <where>
    Then Maria is told her name was not changed because it is <reason>
    And both services still know Maria by her old name

    Examples:
      | bad name               | where           | reason   |
      | a blank name           | in her account  | empty    |
      | a name of 101 letters  | in her account  | too long |
      | a blank name           | on the platform | empty    |
      | a name of 101 letters  | on the platform | too long |

  @rule:users.delivered-later @rule:limits.stored-plan
  Scenario: A plan changed while the platform is down applies once it is back
    Given Maria is a customer on the free plan
    And the platform is down
    When the sign-in service upgrades Maria's plan to enterprise
    And the platform is started again
    Then soon after, the platform has Maria on the enterprise plan
    When Maria asks as many questions as the enterprise plan allows in one rate window, all at once
    Then each of Maria's questions is answered and tells her how many she has left

  @rule:users.deleted @rule:auth.close-account
  Scenario: Closing her account removes her conversations from the platform
    Given Maria has signed up
    And Maria has had two conversations with the agent
    When Maria closes her account
    Then Maria's live connection is closed because her session has ended
    And the platform refuses Maria's old token because it is revoked
    And the sign-in service no longer knows Maria
    And soon after, the platform holds nothing of Maria's: no profile, no conversations, no messages

  @rule:users.bad-event-set-aside @rule:users.deleted
  Scenario: A name change the platform cannot apply does not hold up her later changes
    Given Maria is a customer on the free plan
    And the platform's database cannot store the name "Maria Unstorable" for Maria
    When Maria changes her name to "Maria Unstorable" in her account
    And the sign-in service upgrades Maria's plan to enterprise
    Then the sign-in service sets Maria's name change aside, saying why, where its operators see it
    And soon after, the platform has Maria on the enterprise plan
    When Maria closes her account
    Then soon after, the platform holds nothing of Maria's: no profile, no conversations, no messages
