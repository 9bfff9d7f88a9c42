@serial
Feature: Serial
  Tagged with a non-parallel tag: runs alone.

  Scenario: Alone
    Given a calculator
