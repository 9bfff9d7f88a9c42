using System.Reflection;
using Xunit;
using Xunit.v3;

namespace GherkinEngine;

/// <summary>
/// xUnit assembly fixture (registered by the generated code): runs [BeforeTestRun] hooks before the first
/// test and [AfterTestRun] hooks after the last. A failing [BeforeTestRun] hook does not abort the run
/// here; every scenario fails with it instead (see <see cref="TestRunSession.Failure"/>).
/// </summary>
public sealed class TestRunFixture : IAsyncLifetime
{
    private TestRunSession? _session;

    public async ValueTask InitializeAsync()
    {
        var assembly = (TestContext.Current.TestAssembly as ICoreTestAssembly)?.Assembly ?? Assembly.GetEntryAssembly();
        if (assembly is null)
            return;
        _session = TestRunSession.For(assembly);
        await _session.StartAsync(TestContext.Current.CancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is null)
            return;
        await _session.EndAsync().ConfigureAwait(false);
        if (_session.Summary is { } summary)
            TestContext.Current.SendDiagnosticMessage(summary.TrimEnd('\n'));
    }
}
