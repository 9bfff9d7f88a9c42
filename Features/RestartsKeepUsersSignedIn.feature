@journey @restarts @disruptive
Feature: Signed-in users stay signed in when a service restarts
  Who it protects: every paying user during deployments and incidents ($25K+ MRR).
  Services restart for every release and sometimes crash. A restart must not sign anyone
  out, lose a conversation, or bring back a session that was ended. Each scenario here runs
  on a Netra of its own, so its restarts disturb no one else.

  @rule:auth.durable-sessions @rule:auth.refresh
  Scenario: Sessions survive a restart of the sign-in service, and ended ones stay ended
    Given Maria has signed up
    And Nadia has signed up
    And Nadia has logged out
    When the sign-in service restarts
    Then Maria is still signed in everywhere
    And Maria can renew her session
    And Nadia's old session is still refused

  @rule:threads.kept
  Scenario: A conversation survives a restart of the platform
    Given Maria has signed up
    And Maria has asked the agent "Which workloads cost the most?" and got her answer
    When the platform restarts
    Then Maria's conversation still holds her question and the agent's answer
    And Maria's next question is answered

  @rule:threads.kept
  Scenario: Nothing is lost when the platform crashes
    Given Maria has signed up
    And Maria has asked the agent "What is my biggest cost?" and got her answer
    When the platform crashes and is started again
    Then Maria's conversation still holds her question and the agent's answer

  @browser @rule:web.reconnect
  Scenario: The chat reconnects by itself after the platform restarts
    Given Maria has signed up on the website
    When the platform restarts
    Then Maria's chat shows it is connected again, without reloading the page
    And Maria's next question in the chat is answered on screen
