using Netra.Acceptance.Support.Stack;

namespace Netra.Acceptance.Support.Context;

/// <summary>
/// The environment as a scenario sees it: the run's shared one, or — for a scenario that stops
/// and kills services — a private stack of its own, so its disruption never reaches the
/// scenarios running beside it. A private stack is stopped when the scenario ends.
/// </summary>
public sealed class EnvironmentContext : IAsyncDisposable
{
    private NetraEnvironment? _privateEnvironment;

    public NetraEnvironment Environment => _privateEnvironment ?? TestRun.Environment;
    public ServiceEndpoints Endpoints => Environment.Endpoints;

    public bool HasPrivateStack => _privateEnvironment is not null;

    /// <summary>Starts a stack for this scenario alone; must happen before any driver talks to a service.</summary>
    public async Task UsePrivateStackAsync()
    {
        var shared = TestRun.Environment;
        if (!shared.IsLocal)
            throw new InvalidOperationException(
                "This scenario stops and restarts services, so it runs only against a stack the suite starts itself, " +
                "never against an environment it was pointed at.");
        _privateEnvironment = await NetraEnvironment.StartAsync(shared.Settings with { AuthUrl = null, BackendUrl = null, FrontendUrl = null });
    }

    public async ValueTask DisposeAsync()
    {
        if (_privateEnvironment is not null) await _privateEnvironment.DisposeAsync();
    }
}
