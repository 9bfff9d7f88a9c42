@parameters
Feature: Parameter types
  Cucumber Expression parameter types, regular expressions and argument conversion.

  Scenario: Numbers
    Given the numbers 42, -7000000000, 1.5, 2.25 and 3.75
    Then the numbers were converted

  Scenario: Words and strings
    Given the word hello, the text "quoted \"text\"" and the text 'single quoted'
    Then the words were captured

  Scenario: Optional text and alternation
    When I eat 1 cucumber from the basket
    And I eat 3 cucumbers from the bowl
    Then I ate 4 cucumbers

  Scenario: Escaped characters and anonymous parameters
    Given the literal text (with parens) and {braces} or a/b
    And anything goes: what ever you like
    Then the anonymous parameter was "what ever you like"

  Scenario: Regular expressions
    Given the regex captures 12 items named Widget
    And an optional count
    And an optional count of 7
    Then the regex values were "12,Widget,null,7"

  Scenario: Converted types
    Given the color is dark blue and the shade is Light
    And the date is 2024-02-29 at 13:45:00 lasting 01:30:00
    And the id is 3f2504e0-4f89-11d3-9a0c-0305e82c3301 and the flag is true
    Then the converted values are right

  Scenario: Any keyword and generic steps
    * any keyword works
    Given a generic step
    Then a generic step
