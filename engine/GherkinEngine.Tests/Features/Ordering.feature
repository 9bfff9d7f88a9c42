@ordering
Feature: Scenario order
  A feature's scenarios run one after another in file order (filters may leave some out).

  Scenario: Zeta comes first in the file
    Then scenario 1 runs after the earlier ones

  Scenario: Alpha comes second
    Then scenario 2 runs after the earlier ones

  Scenario Outline: Rows keep their order <n>
    Then scenario <n> runs after the earlier ones

    Examples:
      | n |
      | 3 |
      | 4 |
      | 5 |

  Scenario: Middle comes last
    Then scenario 6 runs after the earlier ones
