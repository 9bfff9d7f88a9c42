using FluentAssertions;
using GherkinEngine.Assist;

namespace GherkinEngine.Tests.Runner;

public sealed class ComparisonTests
{
    public enum Role { Reader, Owner }

    public sealed class Person
    {
        public string Name { get; set; } = "";
        public int Age { get; set; }
        public Role Role { get; set; }
        public string? Nickname { get; set; }
    }

    private static DataTable Table(params string[][] rows)
    {
        var table = new DataTable(rows[0]);
        foreach (var row in rows.Skip(1))
            table.AddRow(row);
        return table;
    }

    [Fact]
    public void CompareToInstance_passes_when_every_field_matches_and_lists_each_difference_otherwise()
    {
        var maria = new Person { Name = "Maria", Age = 31, Role = Role.Owner };
        Table(["Field", "Value"], ["Name", "Maria"], ["Age", "31"], ["Role", "owner"], ["Nickname", ""]).CompareToInstance(maria);

        var act = () => Table(["Field", "Value"], ["Name", "Maria"], ["Age", "30"], ["Role", "Reader"]).CompareToInstance(maria);
        act.Should().Throw<ComparisonException>()
            .Which.Message.Should().Contain("Age: expected '30' but was '31'").And.Contain("Role: expected 'Reader' but was 'Owner'")
            .And.NotContain("Name: expected");
    }

    [Fact]
    public void CompareToSet_ignores_order_by_default_and_marks_missing_and_unexpected_rows()
    {
        var people = new[] { new Person { Name = "Ana", Age = 2 }, new Person { Name = "Bo", Age = 3 } };
        Table(["Name", "Age"], ["Bo", "3"], ["Ana", "2"]).CompareToSet(people);

        var act = () => Table(["Name", "Age"], ["Ana", "2"], ["Cy", "4"]).CompareToSet(people);
        var message = act.Should().Throw<ComparisonException>().Which.Message;
        message.Should().Contain("  | Ana  | 2   |").And.Contain("- | Cy   | 4   |").And.Contain("+ | Bo   | 3   |");
    }

    [Fact]
    public void CompareToSet_in_order_fails_when_the_order_differs()
    {
        var people = new[] { new Person { Name = "Ana" }, new Person { Name = "Bo" } };
        var act = () => Table(["Name"], ["Bo"], ["Ana"]).CompareToSet(people, sequentialEquality: true);
        act.Should().Throw<ComparisonException>().WithMessage("*in order*");
    }

    [Fact]
    public void CompareToSet_names_columns_without_a_property()
    {
        var act = () => Table(["Name", "Shoe size"], ["Ana", "38"]).CompareToSet(new[] { new Person { Name = "Ana" } });
        act.Should().Throw<ComparisonException>().WithMessage("*Shoe size*");
    }
}
