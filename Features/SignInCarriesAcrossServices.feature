@journey @security
Feature: A user's sign-in carries across every service
  Who it protects: every paying customer whose chat depends on one sign-in being honoured by
  every Netra service ($50K+ MRR), and every customer whose account must not be usable by
  anyone else.
  The sign-in service hands out a session; the platform must accept exactly that session, on
  its pages and its live connection, and refuse everything else: a missing, garbled, forged,
  expired or misaddressed token, a renewal token used in its place, and a session that was
  ended by logging out or by closing the account. A refusal must say why, and a live
  connection opened with a refused token must be closed.

  @rule:ws.token @rule:backend.profile
  Scenario: A token from the sign-in service opens the live connection and the platform's pages
    Given Maria is signed in
    Then the platform accepts Maria's token on its pages as her account
    And Maria's token opens her live connection as her account

  @rule:tokens.issued-claims
  Scenario: The sign-in service's token says whose it is, what it is for, and for how long
    Given Maria is signed in
    Then Maria's token names her account, her email and her plan, is meant for the platform, and lasts 15 minutes

  @rule:auth.validate
  Scenario: Only Netra's own services may ask the sign-in service about a token
    Given Maria is signed in
    When a Netra service asks the sign-in service about Maria's token
    Then it is told Maria's token is valid and whose it is
    But a caller without the service credentials, or with a secret that only looks like them, is told nothing about Maria's token

  @rule:ws.refusal @rule:backend.bearer
  Scenario Outline: A token the platform did not issue, or issued for something else, is refused
    Given Maria is signed in
    When someone presents <which token> on Maria's behalf
    Then the platform refuses it because it is <why>
    And a live connection opened with it is refused for the same reason and closed
    And the sign-in service refuses it too

    @rule:tokens.malformed
    Examples: missing or garbled
      | which token                                  | why                 |
      | no token at all                              | missing             |
      | a garbled token                              | malformed           |

    @rule:tokens.signature @rule:tokens.algorithm
    Examples: not signed with the platform's key
      | which token                                  | why                 |
      | a token signed with another key              | wrongly signed      |
      | a token whose signature was removed          | unsigned            |

    @rule:tokens.type
    Examples: a renewal token
      | which token                                   | why                 |
      | her renewal token instead of her access token | not an access token |

    @needs-signing-key @rule:tokens.algorithm
    Examples: signed with the platform's key, by another algorithm
      | which token                           | why                   |
      | her token signed by another algorithm | by another algorithm  |

    @needs-signing-key @rule:tokens.critical-extensions
    Examples: signed with the platform's key, with an extension it must refuse
      | which token                                                     | why                         |
      | her token with a critical extension the platform does not know | of an unknown critical kind |

    @needs-signing-key @rule:tokens.expiry
    Examples: expired, forged with the platform's own signing key
      | which token                           | why     |
      | her token with its expiry in the past | expired |

    @needs-signing-key @rule:tokens.audience @rule:tokens.issuer
    Examples: misaddressed, forged with the platform's own signing key
      | which token                                   | why                   |
      | her token addressed to another platform       | for another platform  |
      | her token addressed to a look-alike platform  | for another platform  |
      | her token claiming another issuer             | from another issuer   |
      | her token claiming a look-alike issuer        | from another issuer   |
      | her token claiming her issuer in capitals     | from another issuer   |

  @rule:auth.logout @rule:ws.revocation @rule:backend.revocations
  Scenario: After logging out, the session is refused everywhere
    Given Maria is signed in
    And Maria has her live connection open
    When Maria logs out
    Then Maria's live connection is closed because her session has ended
    And the platform refuses Maria's old token because it is revoked
    And the sign-in service refuses to renew Maria's old session

  @rule:auth.close-account @rule:ws.revocation @rule:backend.revocations
  Scenario: After closing her account, her session is refused everywhere
    Given Maria is signed in
    And Maria has her live connection open
    When Maria closes her account
    Then Maria's live connection is closed because her session has ended
    And the platform refuses Maria's old token because it is revoked
    And the sign-in service no longer knows Maria

  @rule:ws.origin
  Scenario: A page on another website cannot open a user's live connection
    Given Maria is signed in
    When pages on other websites, one of them at an address that looks like Netra's, try to open Maria's live connection with her token
    Then the platform refuses each of those connections
    But Maria's token still opens her live connection from the Netra website

  @rule:auth.refresh @rule:auth.refresh.reuse @rule:backend.revocations
  Scenario: Renewing a session gives a working token, and a renewal token works only once
    Given Maria is signed in
    When Maria renews her session
    Then Maria's renewed token opens her live connection as her account
    And the platform accepts Maria's token on its pages as her account
    When Maria renews her session again
    When someone replays Maria's used renewal token
    Then the sign-in service refuses it because it was already used
    And Maria's session has ended everywhere

  @browser @rule:web.logout
  Scenario: Logging out in one browser tab ends the chat of that session in another tab
    When Maria signs up on the website
    And Maria logs out in another tab of her browser
    Then the chat in Maria's first tab is disconnected because her session has ended
