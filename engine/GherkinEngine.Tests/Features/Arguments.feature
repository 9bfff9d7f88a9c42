Feature: Step arguments
  Data tables and doc strings.

  Scenario: Data table
    Given the following users:
      | name  | age |
      | alice | 31  |
      | bob   | 42  |
    Then there are 2 users and user 2 is "bob" aged 42

  Scenario: Doc string
    Given the document:
      """json
      {
        "title": "a document"
      }
      """
    Then the document contains "a document"

  Scenario Outline: Placeholders in arguments
    Given the following users:
      | name   | age   |
      | <name> | <age> |
    Then there are 1 users and user 1 is "<name>" aged <age>

    Examples:
      | name  | age |
      | carol | 27  |
