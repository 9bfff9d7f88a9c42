using FluentAssertions;
using GherkinEngine.Assist;

namespace GherkinEngine.Tests.Runner;

public sealed class TableTests
{
    public sealed class Person
    {
        public string Name { get; set; } = "";
        public int Age { get; set; }
        public DateTime? Born { get; set; }
        public Steps.Color FavouriteColor { get; set; }
    }

    private static DataTable Table(params string[][] rows)
    {
        var table = new DataTable(rows[0]);
        foreach (var row in rows.Skip(1))
            table.AddRow(row);
        return table;
    }

    [Fact]
    public void Rows_are_indexable_by_column_name_and_position()
    {
        var table = Table(["name", "age"], ["alice", "31"], ["bob", "42"]);
        table.RowCount.Should().Be(2);
        table.Header.Should().Equal("name", "age");
        table.Rows[1]["name"].Should().Be("bob");
        table.Rows[1][1].Should().Be("42");
        table.Rows[0].GetInt32("age").Should().Be(31);
        FluentActions.Invoking(() => table.Rows[0]["missing"]).Should().Throw<KeyNotFoundException>().WithMessage("*'missing'*name, age*");
        table.ToString().Should().Be("| name  | age |\n| alice | 31  |\n| bob   | 42  |\n".Replace("\n", Environment.NewLine));
    }

    [Fact]
    public void Create_set_maps_columns_to_properties()
    {
        var people = Table(["Name", "Age", "Favourite color", "born"], ["alice", "31", "dark blue", "1990-05-01"]).CreateSet<Person>().ToList();
        people.Should().ContainSingle();
        people[0].Should().BeEquivalentTo(new Person { Name = "alice", Age = 31, FavouriteColor = Steps.Color.DarkBlue, Born = new DateTime(1990, 5, 1) });
    }

    [Fact]
    public void Create_instance_reads_a_vertical_table()
    {
        var person = Table(["Field", "Value"], ["Name", "bob"], ["Age", "42"]).CreateInstance<Person>();
        person.Name.Should().Be("bob");
        person.Age.Should().Be(42);
    }

    [Fact]
    public void Unknown_columns_and_bad_values_are_explained()
    {
        FluentActions.Invoking(() => Table(["Nme"], ["x"]).CreateInstance<Person>())
            .Should().Throw<ArgumentException>().WithMessage("*no writable property for the column 'Nme'*");
        FluentActions.Invoking(() => Table(["Age"], ["old"]).CreateInstance<Person>())
            .Should().Throw<ArgumentException>().WithMessage("*Cannot convert 'old' for Person.Age (int)*");
    }
}
