using FluentAssertions;

namespace GherkinEngine.Tests.Runner;

public sealed class TransformationTests
{
    public sealed record Member(string Name, int Level);

    public enum Tier { Free, Pro }

    public sealed record Plan(Tier Tier, int Seats);

    public sealed class Transformations(Log log)
    {
        // A named custom parameter type: {member} matches a capitalised word.
        [StepArgumentTransformation(@"([A-Z][a-z]+)", Name = "member")]
        public Member ToMember(string name)
        {
            log.Add("transform " + name);
            return new Member(name, name.Length);
        }

        // Used by {Plan} (the return type's name) and by plain regex groups bound to Plan parameters.
        [StepArgumentTransformation(@"(free|pro) with (\d+) seats?")]
        public static Plan ToPlan(Tier tier, int seats) => new(tier, seats);

        [StepArgumentTransformation]
        public static IReadOnlyList<Member> ToMembers(DataTable table) =>
            table.Rows.Select(r => new Member(r["name"], r.GetInt32("level"))).ToList();

        [StepArgumentTransformation(@"in (\d+) days?")]
        public static TimeSpan InDays(int days) => TimeSpan.FromDays(days);
    }

    public sealed class Steps(Log log)
    {
        [Given("{member} joins")]
        public void Joins(Member member) => log.Add($"{member.Name}:{member.Level}");

        [Given("a plan of {Plan}")]
        public void HasPlan(Plan plan) => log.Add($"{plan.Tier}/{plan.Seats}");

        [Given(@"^a regex plan of (.*)$")]
        public void RegexPlan(Plan plan) => log.Add($"regex {plan.Tier}/{plan.Seats}");

        [Given("these members:")]
        public void Members(IReadOnlyList<Member> members) => log.Add(string.Join(",", members.Select(m => $"{m.Name}:{m.Level}")));

        [Given("a deadline {}")]
        public void Deadline(TimeSpan deadline) => log.Add(deadline.TotalDays + "d");
    }

    [Fact]
    public async Task Transformations_convert_arguments_by_name_type_name_regex_and_table()
    {
        var log = new Log();
        var result = await RunnerKit.RunAsync("""
            Feature: F
              Scenario: S
                Given Maria joins
                And a plan of pro with 5 seats
                And a regex plan of free with 1 seat
                And these members:
                  | name | level |
                  | Ana  | 2     |
                  | Bo   | 3     |
                And a deadline in 3 days
            """, log, typeof(Transformations), typeof(Steps));

        result.Scenarios[0].Error.Should().BeNull();
        log.Entries.Should().Equal("transform Maria", "Maria:5", "Pro/5", "regex Free/1", "Ana:2,Bo:3", "3d");
    }

    [Fact]
    public async Task A_custom_parameter_type_only_matches_what_its_regex_matches()
    {
        var result = await RunnerKit.RunAsync("""
            Feature: F
              Scenario: S
                Given maria joins
            """, typeof(Transformations), typeof(Steps));

        result.Scenarios[0].Status.Should().Be(ScenarioExecutionStatus.UndefinedStep);
    }

    public sealed class Unknown
    {
        [Given("{nobody} joins")]
        public void Joins(string who) { }
    }

    [Fact]
    public async Task An_unknown_parameter_type_is_a_binding_error_that_names_the_transformation_option()
    {
        var result = await RunnerKit.RunAsync("Feature: F\n  Scenario: S\n    Given x joins\n", typeof(Unknown));

        result.Scenarios[0].Status.Should().Be(ScenarioExecutionStatus.BindingError);
        result.Scenarios[0].Error!.Message.Should().Contain("{nobody}").And.Contain("[StepArgumentTransformation]");
    }
}
