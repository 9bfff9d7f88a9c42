@journey @agent
Feature: The agent answers a question
  Who it protects: every customer who asks Netra's AI agents for advice ($30K+ MRR rides on the
  agent pipeline). A question is routed to the agent that knows the subject, which uses its tools,
  asks the language model and answers; the customer follows each step as it happens and finds the
  conversation again on the next visit. When the language model lets the platform down, the
  customer is told so and can try again, and is never left waiting for an answer that will not come.

  @controls-llm @rule:agent.routing @rule:ws.run-events
  Scenario: A question about costs goes to the cost agent, which uses a tool before it answers
    Given Maria has an account
    And the language model will answer Maria "Move your nightly batch jobs to spot capacity to save about 18%."
    When Maria logs in
    And Maria asks the agent "Costs are up again. How can I reduce them?"
    Then the cost optimisation agent takes Maria's question
    And Maria sees the agent start, think, use the cost analyser and complete, in that order
    And Maria receives the language model's answer from the agent

  @controls-llm @browser @rule:web.shows-answers
  Scenario: The agent's answer reaches the customer on the website
    Given Maria has an account
    And the language model will answer Maria "Your GPU fleet idles at night: schedule it down after 8 pm."
    When Maria logs in on the website
    And Maria asks "What is driving my cloud costs this month?" in the chat
    Then Maria sees the language model's answer on screen

  @rule:threads.kept
  Scenario: The conversation is kept for the next visit
    Given Maria has an account
    When Maria logs in
    And Maria asks the agent "Which model should I use for summaries?" and then "And for translations?" in the same conversation
    When Maria logs in again
    Then Maria's conversation shows both questions and the agent's answers, in the order they were given

  @controls-llm @rule:agent.model-trouble @rule:ws.run-failure
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

  @rule:chat.question-limits @rule:errors.problem-details
  Scenario Outline: A question that is <what> is refused, saying why, and nothing of it is kept
    Given Maria has signed up
    When Maria tries to ask the agent <what> through the API
    Then Maria is told her question was not taken because it is <why>
    And nothing of Maria's refused question was kept

    Examples:
      | what                            | why      |
      | an empty question               | empty      |
      | a question of only spaces       | empty      |
      | a question of 10,001 characters | too long   |
      | a garbled request               | unreadable |

  @controls-llm @rule:chat.question-limits @rule:chat.answer
  Scenario: A question of exactly 10,000 characters is answered
    Given Maria has signed up
    And the language model answers Maria using 2100 prompt tokens and 70 completion tokens per answer
    When Maria asks the agent a question of exactly 10,000 characters through the API
    Then Maria receives the agent's answer to it, with the agent's name and the tokens the language model used

  @rule:ws.bad-messages
  Scenario: Messages the live connection cannot take are answered with the reason, and the conversation goes on
    Given Maria has signed up
    And Maria has her live connection open
    When Maria's live connection sends a message that is too large, one that cannot be read, and one of a kind it does not know
    Then each of them is answered with its reason, and Maria's live connection stays open
    And Maria's live connection answers when it is checked
    And Maria's next question is answered

  @controls-llm @browser @rule:web.text-not-html
  Scenario: Markup in a question or an answer is shown as written on the website, and never runs
    Given Maria has an account
    And the language model will answer Maria with text that looks like the code of a web page
    When Maria logs in on the website
    And Maria asks a question that looks like the code of a web page in the chat
    Then Maria sees her question and the agent's answer on screen exactly as they were written
    And nothing in them ran on the page

  @controls-llm @rule:agent.model-trouble @rule:errors.problem-details
  Scenario Outline: When the language model <trouble>, a question through the API is refused with the reason, and the next is answered
    Given Maria has signed up
    And the language model <trouble> when Maria asks "Where do my tokens go?"
    When Maria asks the agent "Where do my tokens go?" through the API
    Then Maria is told through the API that the agent could not answer and that she can try again
    When Maria asks the agent "Where do my tokens go this week?" through the API
    Then Maria's question through the API is answered

    Examples:
      | trouble           |
      | fails             |
      | answers gibberish |
