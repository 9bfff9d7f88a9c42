@smoke @operations
Feature: Operators can tell that every service is up and ready
  Who it protects: every customer, through the people on call. Before a release is let in and after
  an incident, operators ask each Netra service whether it is up and whether what it depends on is
  there. A service that says it is ready while its database is gone sends customers to a dead end;
  one that does not say which dependency is missing makes every incident longer.

  @rule:health.live @rule:health.ready @rule:sso.config
  Scenario: Every service says it is up, and what it depends on is there
    Then the sign-in service, the platform and the website each say they are up
    And the sign-in service says its database is connected
    And the platform says its database and the sign-in service are available
    And the sign-in service offers sign-in with Google
