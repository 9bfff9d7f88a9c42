@journey @sso
Feature: An enterprise user signs in with Google
  Who it protects: enterprise customers whose teams sign in with their company Google accounts
  ($100K+ enterprise contracts). Choosing Google must take them from Netra to Google and back into
  the chat, as the same Netra user every time, and never as someone else.
  Google is played locally by a stand-in identity provider. A person who first signed up with a
  password and later continues with Google under the same, Google-verified email address is the
  same person: the two are linked into one account, not duplicated and not refused.
  A sign-in that was tampered with, replayed, sent elsewhere or cancelled ends on an error page
  that says so, and gives no session.

  @browser @rule:web.google @rule:sso.start @rule:sso.callback
  Scenario: An enterprise user continues with Google, lands in the chat and chats
    When Priya continues with Google on the website and signs in at Google
    Then Priya is in the chat with her live connection up
    When Priya asks "Which of my AI workloads cost the most?" in the chat
    Then Priya sees the agent's answer to her question on screen
    And the platform knows Priya by the identity Google vouched for

  @rule:sso.start
  Scenario: Netra starts a Google sign-in that only it can finish, and no sign-in with a provider it does not offer
    When Priya asks to continue with Google
    Then Priya is sent to Google with a one-time state, a nonce and a code challenge that only Netra can answer
    And Google refuses a sign-in whose challenge anyone could answer
    And a sign-in with a provider Netra does not offer is refused, naming the provider

  @rule:sso.same-account @rule:auth.me
  Scenario: Signing in with Google again is the same Netra account
    Given Priya has signed in with Google before
    When Priya signs in with Google
    Then Priya is signed into the same account as before
    And the sign-in service says Priya signed in with Google

  @rule:sso.linking
  Scenario: A user who signed up with a password and then uses Google is linked, not duplicated
    Given Maria has an account
    When Maria signs in with Google with the same email address
    Then Maria is signed into the account she created with her password
    And the platform knows Maria by the same account and email as the sign-in service
    And Maria can still log in with her own password

  @rule:sso.refusals
  Scenario Outline: A Google sign-in that was interfered with is refused
    When Priya's Google sign-in is <interfered with>
    Then the sign-in ends on the error page because it <why>
    And Priya is given no session from Google

    Examples:
      | interfered with                                        | why                                  |
      | returned with a tampered state                          | is not a sign-in Netra started       |
      | replayed after she had signed in                        | is not a sign-in Netra started       |
      | returned with the code of an earlier sign-in            | could not be completed with Google   |

  @rule:sso.redirect-exact
  Scenario: Google does not send a sign-in to an address Netra did not register
    When someone asks Google to send Priya's sign-in to another website
    Then Google refuses, and no sign-in reaches that website

  @browser @rule:web.google @rule:sso.refusals
  Scenario: A user who cancels at Google is told the sign-in was cancelled
    When Priya continues with Google on the website but cancels at Google
    Then Priya sees that the sign-in was cancelled
    And Priya is not signed in on the website
