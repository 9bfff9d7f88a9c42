using FluentAssertions;

namespace GherkinEngine.Tests.Runner;

public sealed class OrdererTests
{
    [Theory]
    [InlineData("Features/A.feature:12", 12, 0)]
    [InlineData("Features/A.feature:12:30", 12, 30)]
    [InlineData("C:/odd/path.feature:7:9", 7, 9)]
    public void Scenario_ids_sort_by_scenario_line_then_row_line(string id, int line, int row) =>
        ScenarioOrderer.ParseId(id).Should().Be((line, row));
}
