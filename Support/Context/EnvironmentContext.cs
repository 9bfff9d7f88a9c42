using Netra.Acceptance.Support.Stack;

namespace Netra.Acceptance.Support.Context;

/// <summary>The run's environment as a scenario sees it (injected; resolves the run-wide one).</summary>
public sealed class EnvironmentContext
{
    public NetraEnvironment Environment { get; } = TestRun.Environment;
    public ServiceEndpoints Endpoints => Environment.Endpoints;
}
