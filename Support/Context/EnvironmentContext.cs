using Reqnroll;
using Netra.Acceptance.Support.Stack;

namespace Netra.Acceptance.Support.Context;

/// <summary>
/// The environment as a scenario sees it: the run's shared one, or — in a feature tagged
/// @disruptive, whose scenarios stop and kill services — the feature's own private stack, so
/// the disruption never reaches the scenarios running beside it.
/// </summary>
public sealed class EnvironmentContext(FeatureContext feature)
{
    public NetraEnvironment Environment => PrivateStack.Of(feature) ?? TestRun.Environment;
    public ServiceEndpoints Endpoints => Environment.Endpoints;

    public bool HasPrivateStack => PrivateStack.Of(feature) is not null;
}
