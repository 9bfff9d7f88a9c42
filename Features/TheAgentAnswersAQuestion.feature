@journey @agent
Feature: The agent answers a question
  Who it protects: every customer who asks Netra's AI agents for advice ($30K+ MRR rides on the
  agent pipeline). A question is routed to the agent that knows the subject, which uses its tools,
  asks the language model and answers; the customer follows each step as it happens and finds the
  conversation again on the next visit. When the language model lets the platform down, the
  customer is told so and can try again, and is never left waiting for an answer that will not come.

  @controls-llm
  Scenario: A question about costs goes to the cost agent, which uses a tool before it answers
    Given Maria has an account
    And the language model will answer Maria "Move your nightly batch jobs to spot capacity to save about 18%."
    When Maria logs in
    And Maria asks the agent "How can I reduce my cloud costs?"
    Then the cost optimisation agent takes Maria's question
    And Maria sees the agent start, think, use the cost analyser and complete, in that order
    And Maria receives the language model's answer from the agent

  @controls-llm @browser
  Scenario: The agent's answer reaches the customer on the website
    Given Maria has an account
    And the language model will answer Maria "Your GPU fleet idles at night: schedule it down after 8 pm."
    When Maria logs in on the website
    And Maria asks "What is driving my cloud costs this month?" in the chat
    Then Maria sees the language model's answer on screen

  Scenario: The conversation is kept for the next visit
    Given Maria has an account
    When Maria logs in
    And Maria asks the agent "Which model should I use for summaries?"
    Then Maria receives the agent's answer to her question
    When Maria logs in again
    Then Maria's conversations show her question and the agent's answer, in that order

  @controls-llm
  Scenario Outline: When the language model <trouble>, the customer is told and can try again
    Given Maria has an account
    And the language model <trouble> when Maria asks "How can I cut my token spend?"
    When Maria logs in
    And Maria asks the agent "How can I cut my token spend?"
    Then Maria is told the agent could not answer and that she can try again
    When Maria asks the agent "How can I cut my token spend this quarter?"
    Then Maria receives the agent's answer to her question

    Examples:
      | trouble           |
      | fails             |
      | is too slow       |
      | answers gibberish |
