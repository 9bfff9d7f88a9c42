@journey @billing
Feature: Every answer is billed exactly once
  Who it protects: Netra's revenue and the customer's trust in the invoice. Every answer the agent
  completes is billed once, for the tokens the language model reports, at $0.15 per 1,000 tokens
  plus a 20% performance fee, in whole cents rounded half up on the month's total. An answer that
  failed costs nothing, answers given at the same time are each billed once, and no customer ever
  pays for another's questions. Billing too much loses customers; billing too little loses revenue.

  @controls-llm @rule:billing.once-per-run @rule:billing.price
  Scenario: The usage shows exactly the answers given and their tokens, at the contract's price
    Given Maria is a customer on the free plan
    And the language model answers Maria using 80 prompt tokens and 20 completion tokens per answer
    When Maria asks 3 questions and each is answered
    Then Maria's usage for this month shows:
      | answers | prompt tokens | completion tokens | tokens |
      | 3       | 240           | 60                | 300    |
    And Maria is charged $0.05 for the tokens plus a $0.01 performance fee, $0.06 in total

  @controls-llm @rule:billing.failed-free
  Scenario: A failed answer is not billed
    Given Maria is a customer on the free plan
    And the language model answers Maria using 100 prompt tokens and 50 completion tokens per answer
    And Maria has asked 2 questions and each was answered
    And the language model fails when Maria asks "Why is my bill so high?"
    When Maria asks the agent "Why is my bill so high?"
    Then Maria is told the agent could not answer and that she can try again
    And Maria's usage for this month shows:
      | answers | prompt tokens | completion tokens | tokens |
      | 2       | 200           | 100               | 300    |

  @controls-llm @rule:billing.once-per-run @rule:billing.price
  Scenario: Answers given at the same time are each billed once
    Given Maria is a customer on the free plan
    And the language model answers Maria using 1234 prompt tokens and 567 completion tokens per answer
    When Maria asks 3 questions at the same time and each is answered
    Then Maria's usage for this month shows:
      | answers | prompt tokens | completion tokens | tokens |
      | 3       | 3702          | 1701              | 5403   |
    And Maria is charged $0.81 for the tokens plus a $0.16 performance fee, $0.97 in total

  @controls-llm @rule:billing.per-user
  Scenario: One customer's usage never includes another's
    Given Maria is a customer on the free plan
    And Erik is a customer on the free plan
    And the language model answers Maria using 100 prompt tokens and 20 completion tokens per answer
    And the language model answers Erik using 300 prompt tokens and 60 completion tokens per answer
    When Maria asks 2 questions and each is answered
    And Erik asks 1 question and it is answered
    Then Maria's usage for this month shows:
      | answers | prompt tokens | completion tokens | tokens |
      | 2       | 200           | 40                | 240    |
    And Erik's usage for this month shows:
      | answers | prompt tokens | completion tokens | tokens |
      | 1       | 300           | 60                | 360    |
