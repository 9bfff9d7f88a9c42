@journey @resilience @disruptive
Feature: One failure does not take the platform down
  Who it protects: every paying user during an outage of one part of Netra ($25K+ MRR).
  When the language model, the sign-in service, the platform or its database fails, users
  must be told clearly what does not work, nothing may be left half-saved or wrongly
  billed, everything else must keep working, and Netra must recover by itself when the
  failed part returns. A cascade — one failure taking everything down — turns a small
  incident into lost customers. Each scenario runs on a Netra of its own.

  @rule:agent.model-trouble @rule:ws.run-failure @rule:threads.kept
  Scenario: When the language model is down, users are told and everything else keeps working
    Given Maria has signed up
    And Maria has asked the agent "What did we spend last week?" and got her answer
    And the language model is down
    When Maria asks the agent "And the week before?"
    Then Maria is told the agent could not answer and that she can try again
    And Maria's conversation still holds her question and the agent's answer
    When the language model is started again
    Then Maria's next question is answered

  @rule:backend.auth-outage @rule:health.ready
  Scenario: When the sign-in service is down, signed-in users keep chatting
    Given Maria has signed up
    And the sign-in service is down
    Then Maria's next question is answered
    And Maria's conversation still holds her question and the agent's answer
    And the platform tells its operators it is running without the sign-in service

  @rule:tokens.backend-checks-itself
  Scenario: When the sign-in service is down, the platform still refuses tokens it did not issue
    Given Maria is signed in
    And the sign-in service is down
    Then the platform refuses each of these tokens, on its pages and on its live connection:
      | token                                         |
      | a token signed with another key               |
      | a token whose signature was removed           |
      | her renewal token instead of her access token |
      | her token with its expiry in the past         |
      | her token addressed to a look-alike platform  |
      | her token claiming a look-alike issuer        |
    But Maria's own token still opens her live connection as her account

  @browser @rule:web.outage-notice
  Scenario: When the sign-in service is down, newcomers are told to try again later, and can once it is back
    Given the sign-in service is down
    When Nadia tries to sign up on the website
    Then Nadia is told on the website that the service is unavailable and to try again
    When the sign-in service is started again
    And Nadia signs up on the website
    Then Nadia's next question in the chat is answered on screen

  @rule:db.outage @rule:health.ready @rule:chat.answer
  Scenario: When the platform's database is down, users are told, nothing is half-saved, and it recovers by itself
    Given Maria has signed up
    And Maria has asked the agent "Which of my instances are idle?" and got her answer
    And the platform's database is down
    When Maria asks the agent "And which ones are oversized?" through the API
    Then Maria is told the platform is temporarily unavailable and to try again shortly
    When Maria tries the same question again at once
    Then Maria is told the platform is temporarily unavailable and to try again shortly
    And the platform tells its operators its database is unavailable
    When the platform's database is started again
    Then Maria's next question is answered
    And nothing of Maria's question "And which ones are oversized?" was kept
    And Maria is billed for exactly 2 answers

  @controls-llm @rule:billing.answer-and-usage-together @rule:ws.run-failure @rule:db.outage
  Scenario: When the database fails while the agent is answering, the answer is neither half-saved nor billed
    Given Maria has signed up
    And the language model takes its time to answer Maria's question "Summarise my spend by team"
    When Maria asks the agent "Summarise my spend by team"
    And the platform's database goes down while the agent is working on Maria's question
    Then Maria is told the agent could not answer and that she can try again
    When the platform's database is started again
    Then Maria's conversation keeps her question but holds no answer to it
    And Maria is billed for exactly 0 answers
    And Maria's next question is answered

  @rule:billing.answer-and-usage-together
  Scenario: When the platform's database cannot record what an answer cost, the answer is not kept either
    Given Maria has signed up
    And the platform's database will refuse to record what Maria's answers cost
    When Maria asks the agent "Summarise my spend by team"
    Then Maria is told the agent could not answer and that she can try again
    And Maria's conversation keeps her question but holds no answer to it
    And Maria is billed for exactly 0 answers

  @browser @rule:web.outage-notice @rule:web.reconnect
  Scenario: When the platform goes down during a chat, the website says so and recovers by itself
    Given Maria is chatting on the website
    When the platform goes down
    Then Maria is told on the website that the chat service is unavailable
    And Maria's conversation is still on the screen
    When the platform is started again
    Then the notice on Maria's screen goes away by itself, without reloading the page
    And Maria's conversation is still on the screen
    And Maria's next question in the chat is answered on screen

  @browser @rule:web.shows-answers
  Scenario: When the language model is down, the website tells the user the agent could not answer
    Given Maria is chatting on the website
    And the language model is down
    When Maria asks "And what did we spend on storage?" in the chat
    Then Maria is told on the website that the agent could not answer and that she can try again
    And Maria's conversation is still on the screen
    When the language model is started again
    Then Maria's next question in the chat is answered on screen
