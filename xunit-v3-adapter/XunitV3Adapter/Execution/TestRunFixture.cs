using System.Reflection;
using Reqnroll;
using Xunit;
using Xunit.v3;

namespace XunitV3Adapter;

/// <summary>
/// xUnit assembly fixture (registered by the generated code): starts Reqnroll's test run before the first
/// scenario ([BeforeTestRun] hooks) and ends it after the last ([AfterFeature] hooks still due, [AfterTestRun]
/// hooks, and the formatters' reports). A failing [BeforeTestRun] hook fails every scenario with its message.
/// </summary>
public sealed class TestRunFixture : IAsyncLifetime
{
    private Assembly? _testAssembly;

    public async ValueTask InitializeAsync()
    {
        _testAssembly = (TestContext.Current.TestAssembly as IXunitTestAssembly)?.Assembly ?? Assembly.GetEntryAssembly();
        if (_testAssembly is not null)
            await TestRunnerManager.OnTestRunStartAsync(_testAssembly);
    }

    public async ValueTask DisposeAsync()
    {
        if (_testAssembly is not null)
            await TestRunnerManager.OnTestRunEndAsync(_testAssembly);
    }
}
