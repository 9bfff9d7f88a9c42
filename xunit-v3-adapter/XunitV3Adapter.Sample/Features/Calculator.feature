@calculator
Feature: Calculator
  Arithmetic that exercises backgrounds, And/But, outlines, rules, tables and doc strings.

  Background:
    Given a calculator

  @smoke
  Scenario: Adding two numbers
    When I add 2 and 3
    Then the result is 5
    And the result is not 6
    But the result is not 4

  Scenario Outline: Multiplying
    When I multiply <a> by <b>
    Then the result is <product>

    Examples:
      | a | b | product |
      | 2 | 3 | 6       |
      | 4 | 5 | 20      |

    @slow
    Examples: Large numbers
      | a   | b   | product |
      | 100 | 100 | 10000   |

  Scenario Outline: Subtracting <b> from <a>
    When I subtract <b> from <a>
    Then the result is <difference>

    Examples:
      | a  | b | difference |
      | 10 | 4 | 6          |

  Rule: Sums of many numbers
    Background:
      Given the display shows "ready"

    @tables
    Scenario: Adding a column of numbers
      When I add these numbers:
        | number |
        | 1      |
        | 2      |
        | 3      |
      Then the result is 6
      * the display shows "ready"

    Scenario: Reading a note
      When I read this note:
        """
        remember 42
        """
      Then the note says "remember 42"
