using Xunit.Sdk;
using Xunit.v3;
using XunitV3Adapter.Gherkin;

namespace XunitV3Adapter;

/// <summary>Runs a feature's scenarios in file order (xUnit's default order is by unique id).</summary>
public sealed class ScenarioOrderer : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase =>
        testCases.OrderBy(Position).ToList();

    private static (int, int) Position<TTestCase>(TTestCase testCase) where TTestCase : notnull, ITestCase =>
        testCase is XunitTestCase { TestMethodArguments: [string key, ..] } ? ScenarioCase.PositionOf(key) : (int.MaxValue, 0);
}
