@journey @signup
Feature: Sign up, log in and chat
  Who it protects: every new customer, on the first path they take ($100K+ MRR).
  A visitor who signs up, logs in and asks the AI agent a question must get an answer.
  This journey crosses all three services: the sign-in service creates the account and
  its session, the platform recognises that session, and the agent answers over a live
  connection. When one service misunderstands another, the customer is lost at the door,
  and tests that imitate the other services never notice.

  Rule: A new account is known everywhere at once

    @smoke @rule:users.created @rule:auth.register @rule:auth.me @rule:backend.profile
    Scenario: The platform knows a new user by the same identity as the sign-in service
      When Maria signs up
      Then the platform knows Maria by the same account and email as the sign-in service

    @rule:auth.register.invalid @rule:errors.problem-details
    Scenario Outline: A sign-up without a usable email address is refused, saying what is wrong
      When Maria tries to sign up with <which email>
      Then Maria's sign-up is refused because the email address <why>
      And Maria is given no session

      Examples:
        | which email                    | why          |
        | no email address               | is missing   |
        | an email address without an @  | is not valid |
        | an email address without a dot in its domain | is not valid |

    @browser @rule:web.signup-login @rule:web.shows-answers
    Scenario: A visitor signs up and chats in the browser
      When Maria signs up on the website
      And Maria asks "What is driving my cloud costs this month?" in the chat
      Then Maria sees the agent's answer to her question on screen

  Rule: A returning user logs in and is answered; anyone else is kept out

    Background:
      Given Maria has an account

    @smoke @rule:auth.login @rule:ws.token @rule:ws.run-events
    Scenario: A returning user logs in and gets an answer from the agent
      When Maria logs in
      And Maria asks the agent "How can I reduce my cloud costs?"
      Then Maria sees the agent start, think, use a tool and complete, in that order
      And Maria receives the agent's answer to her question

    @rule:auth.login.no-enumeration
    Scenario Outline: A login that does not match an account is refused without saying why
      When Maria tries to log in with <what does not match>
      Then Maria is refused because her credentials are invalid
      And Maria is given no session

      Examples:
        | what does not match                    |
        | a wrong password                       |
        | an email address nobody signed up with |

    @rule:auth.email-unique
    Scenario: An email address can hold only one account
      When someone else signs up with Maria's email address written in capitals
      Then the sign-up is refused because the email address is already registered
      And Maria can still log in with her own password
