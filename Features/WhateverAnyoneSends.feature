@journey @hostile-input
Feature: Whatever anyone sends, the platform answers with a reason and keeps working
  Who it protects: every customer, whose account and conversations must survive whatever strangers,
  broken clients and attackers send, and the platform they all share. Netra is open to the internet:
  any request, message or frame may be malformed, oversized, or made to break it. Each one is refused
  with a reason that says what was wrong, nothing of any customer's changes, and every service stays up:
  one input that brings a service down, or slips a bad record past it, costs every customer at once.
  The sweeps send every kind of hostile input to every part of the platform, some of it generated,
  and the report says how many cases ran. They are safe on any environment: they change nothing a
  customer owns, make one account and close it again, and lock nothing.

  @rule:errors.hostile-input @rule:errors.problem-details
  Scenario: Hostile requests to every part of the platform are each refused with a reason, and nothing changes
    Given Maria is a customer with a conversation of her own
    When anyone sends every kind of hostile request to every part of the platform
    Then each one is answered with a reason, and none makes a service fail
    And Maria's account, profile, conversations and usage are as they were
    And every service is still up and ready

  @rule:ws.hostile-messages @rule:ws.bad-messages
  Scenario: Hostile messages on the live connection are answered, and the conversation goes on
    Given Maria is a customer with a conversation of her own
    And Maria has her live connection open
    When every kind of hostile message is sent on Maria's live connection
    And frames no message could be are sent on live connections of Maria's own
    Then each message is answered with its error, and each such frame is answered by closing only its own connection
    And Maria's live connection is still open and answering
    And Maria's account, profile, conversations and usage are as they were
    And every service is still up and ready
