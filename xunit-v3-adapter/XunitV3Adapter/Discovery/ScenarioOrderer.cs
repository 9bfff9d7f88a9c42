using Xunit.Sdk;
using Xunit.v3;

namespace XunitV3Adapter;

/// <summary>Runs a feature's scenarios in file order (xUnit's default order is by unique id).</summary>
public sealed class ScenarioOrderer : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase =>
        testCases.OrderBy(Position).ToList();

    private static (int, int) Position<TTestCase>(TTestCase testCase) where TTestCase : notnull, ITestCase =>
        testCase is XunitTestCase { TestMethodArguments: [string key, ..] } ? ParseKey(key) : (int.MaxValue, 0);

    /// <summary>Keys are <c>&lt;scenario line&gt;</c> or <c>&lt;scenario line&gt;:&lt;row line&gt;</c>.</summary>
    internal static (int Line, int Row) ParseKey(string key)
    {
        var parts = key.Split(':');
        var line = int.TryParse(parts[0], out var l) ? l : 0;
        var row = parts.Length > 1 && int.TryParse(parts[1], out var r) ? r : 0;
        return (line, row);
    }
}
