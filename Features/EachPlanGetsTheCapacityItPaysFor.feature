@journey @plans
Feature: Each plan gets the capacity it pays for
  Who it protects: every paying customer, and the platform they share. Each plan allows a number
  of questions per minute, growing with the price: free, early, mid, enterprise. A customer who
  asks more is slowed down with a clear "try again in N seconds" (never cut off, never left
  guessing) and can go on once the minute has passed. An upgrade gives the larger allowance at
  once, and one customer's burst never slows anyone else down. Too little capacity loses paying
  customers; no limit at all lets one customer degrade the platform for everyone.
  (The test environment shortens the minute to a rate window of a few seconds, and the allowances with it.)

  @rule:limits.per-plan @rule:limits.headers @rule:limits.slow-down
  Scenario Outline: A <plan> customer gets the questions of the <plan> plan, and no more
    Given Maria is a customer on the <plan> plan
    When Maria asks as many questions as the <plan> plan allows in one rate window, all at once
    Then each of Maria's questions is answered and tells her how many she has left
    And the platform's other answers tell Maria the same
    And the <plan> plan allows more questions than the plan below it
    And Maria's next question is slowed down with a "try again in N seconds"

    Examples:
      | plan       |
      | free       |
      | early      |
      | mid        |
      | enterprise |

  @rule:limits.slow-down @rule:ws.rate-limited
  Scenario: A free customer who asks too much is slowed down in the chat too, until the window has passed
    Given Maria is a customer on the free plan
    And Maria has asked as many questions as the free plan allows in one rate window
    When Maria asks one more question
    Then Maria is slowed down with a "try again in N seconds"
    When Maria asks the agent "Can I still ask here?"
    Then Maria is told on her live connection to try again in N seconds, and stays connected
    When Maria waits as long as she was told
    And Maria asks the agent "And now, once the window has passed?"
    Then Maria receives the agent's answer to her question

  @rule:limits.per-plan
  Scenario: An enterprise customer asking the same amount is not slowed down
    Given Maria is a customer on the free plan
    And Erik is a customer on the enterprise plan
    When Maria and Erik each ask one question more than the free plan allows in one rate window
    Then Maria's last question is slowed down with a "try again in N seconds"
    But all of Erik's questions are answered

  @rule:limits.stored-plan @rule:users.plan-change
  Scenario: An upgrade lifts the limit at once, without a new login
    Given Maria is a customer on the free plan
    And Maria has asked as many questions as the free plan allows in one rate window
    When Maria's plan is upgraded to enterprise
    Then Maria's next question is answered, in the same session

  @rule:limits.per-user
  Scenario: One customer's burst does not slow another customer down
    Given Maria is a customer on the free plan
    And Erik is a customer on the free plan
    When Maria asks as many questions as the free plan allows in one rate window
    And Maria asks one more question
    And Erik asks a question
    Then Maria is slowed down with a "try again in N seconds"
    But Erik's question is answered, and he still has all but one of his free questions left

  @rule:auth.plan-admin
  Scenario: Only Netra's own services change a plan, and only to a plan that exists, for a customer who exists
    Given Maria is a customer on the free plan
    When these plan changes are tried:
      | who                                           | customer          | plan       |
      | someone without the service credentials       | Maria             | enterprise |
      | someone with a secret that only looks like it | Maria             | enterprise |
      | a Netra service                               | someone not known | enterprise |
      | a Netra service                               | Maria             | platinum   |
    Then each of them is refused, saying why
    And the platform still has Maria on the free plan

  @rule:users.applied-once @rule:users.internal-calls
  Scenario: A plan change that reaches the platform twice counts once
    Given Maria is a customer on the free plan
    When Maria's plan is upgraded to mid
    And Maria's plan is upgraded to enterprise
    And Maria's upgrade to mid reaches the platform a second time
    And an older change of Maria's plan, to free, reaches the platform late
    Then the platform still has Maria on the enterprise plan
    And the platform has applied each of Maria's plan changes once
    But a plan change for Maria sent to the platform by someone without the service credentials is refused and changes nothing
    And what the platform holds for Maria is shown to no one without the service credentials
