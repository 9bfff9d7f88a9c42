@security
Feature: Accounts are protected from guessing and from weak passwords
  Who it protects: every customer whose account, conversations and bill sit behind a password.
  Someone who keeps guessing a password is stopped for a while, and told so; a new account
  cannot be created with a password that is easy to guess, and the refusal says which rule the
  password broke so the visitor can fix it at once.

  @locks-accounts @rule:auth.lockout
  Scenario: Repeated wrong passwords lock the account for a while
    Given Maria has an account
    When someone tries 5 wrong passwords for Maria's account
    Then even Maria's own password is refused for now, saying when to try again
    And once that time has passed Maria can log in again

  @rule:auth.password-policy @rule:errors.problem-details
  Scenario Outline: A weak password is refused at sign-up, naming the rule it broke
    When Maria tries to sign up with the password "<password>"
    Then Maria's sign-up is refused because the password <rule>
    And Maria is given no session

    Examples:
      | password       | rule                                    |
      | Ab1!xyz        | must be at least 8 characters long      |
      | lowercase1!pw  | must contain at least one uppercase letter |
      | UPPERCASE1!PW  | must contain at least one lowercase letter |
      | NoDigits!here  | must contain at least one digit         |
      | NoSymbols123x  | must contain at least one symbol        |

  @rule:auth.password-policy
  Scenario: A password longer than 128 characters is refused, and one of exactly 128 is taken
    When Maria tries to sign up with a strong password of 129 characters
    Then Maria's sign-up is refused because the password must be at most 128 characters long
    And Maria is given no session
    But Maria can sign up with a strong password of exactly 128 characters
