using Xunit.Sdk;
using Xunit.v3;

namespace GherkinEngine;

/// <summary>Runs a feature's scenarios in file order (xUnit's default order is by unique id hash).</summary>
public sealed class ScenarioOrderer : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase =>
        testCases.OrderBy(Position).ToList();

    private static (int, int) Position<TTestCase>(TTestCase testCase) where TTestCase : notnull, ITestCase =>
        testCase is XunitTestCase { TestMethodArguments: [string id, ..] } ? ParseId(id) : (int.MaxValue, 0);

    /// <summary>Ids end in <c>:&lt;scenario line&gt;</c> or <c>:&lt;scenario line&gt;:&lt;row line&gt;</c>.</summary>
    internal static (int Line, int Row) ParseId(string id)
    {
        var parts = id.Split(':');
        if (parts.Length >= 3 && int.TryParse(parts[^2], out var line) && int.TryParse(parts[^1], out var row))
            return (line, row);
        return parts.Length >= 2 && int.TryParse(parts[^1], out line) ? (line, 0) : (0, 0);
    }
}
