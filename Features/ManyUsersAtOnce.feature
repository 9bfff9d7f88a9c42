@journey @isolation
Feature: Many users, each alone in their own conversation
  Who it protects: enterprise customers, who buy Netra for whole teams working at once.
  When many people chat at the same moment, each must hear only their own agent and see
  only their own conversations. One answer delivered to the wrong person is a data leak
  that ends an enterprise contract; tests with one user at a time never find it.

  @rule:ws.own-events @rule:billing.per-user
  Scenario: Twenty people chat at the same time and each hears only their own answers
    Given 20 people have signed up
    When they all ask the agent a question of their own at the same time
    Then each of them receives the answer to their own question and nothing meant for anyone else
    And each of them is billed for their own answer only

  @rule:threads.owner-only
  Scenario: A stranger's conversation looks exactly like one that does not exist
    Given Maria has signed up
    And Maria has asked the agent "What did we spend on storage last month?" and got her answer
    And Tom has signed up
    When Tom tries to open Maria's conversation
    Then Tom is told the conversation does not exist, exactly as for one that never existed
    And Maria's conversation is not listed among Tom's

  @rule:threads.owner-only
  Scenario: A stranger cannot add to or delete someone else's conversation
    Given Maria has signed up
    And Maria has asked the agent "What did we spend on storage last month?" and got her answer
    And Tom is a customer on the enterprise plan, who may ask many questions at once
    When Tom tries to ask into Maria's conversation, on the platform's pages and on his live connection, and to delete it
    Then each time Tom is told the conversation does not exist, exactly as for one that never existed
    And Maria's conversation holds only her question and the agent's answer
