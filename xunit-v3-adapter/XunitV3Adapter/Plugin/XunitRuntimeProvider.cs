using Reqnroll;
using Reqnroll.UnitTestProvider;
using Xunit;
using Xunit.Sdk;

namespace XunitV3Adapter.Plugin;

/// <summary>How Reqnroll tells xUnit that a scenario is pending, inconclusive or ignored (as Reqnroll.xunit.v3 does).</summary>
public sealed class XunitRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => throw new PendingScenarioException($"Test pending: {message}");

    public void TestInconclusive(string message) => throw new InconclusiveScenarioException($"Test inconclusive: {message}");

    public void TestIgnore(string message) => Assert.Skip(message);

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) =>
        exception is SkipException ? ScenarioExecutionStatus.Skipped : null;
}

/// <summary>A scenario with a pending or undefined step: a failure, as nothing unbound may pass.</summary>
public sealed class PendingScenarioException(string message) : XunitException(message);

public sealed class InconclusiveScenarioException(string message) : XunitException(message);
