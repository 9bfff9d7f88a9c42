using Reqnroll.BoDi;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;
using Xunit;

namespace XunitV3Adapter.Plugin;

/// <summary>Reqnroll's step trace ("Given ... -> done: ...") and the steps' output into the scenario's xUnit test output.</summary>
public sealed class XunitTraceListener(ITraceListenerQueue traceListenerQueue, IObjectContainer container)
    : AsyncTraceListener(traceListenerQueue, container)
{
    private readonly Lazy<IContextManager> _contextManager = new(container.Resolve<IContextManager>);

    public override void WriteTestOutput(string message)
    {
        if (Output() is { } output) output.WriteLine(message);
        else base.WriteTestOutput(message);
    }

    public override void WriteToolOutput(string message)
    {
        message = SkipReasons.Clean(message);
        if (Output() is { } output) output.WriteLine("-> " + message);
        else base.WriteToolOutput(message);
    }

    private ITestOutputHelper? Output()
    {
        var scenario = _contextManager.Value.ScenarioContext;
        return scenario is not null && scenario.ScenarioContainer.IsRegistered<ITestOutputHelper>()
            ? scenario.ScenarioContainer.Resolve<ITestOutputHelper>()
            : null;
    }
}
