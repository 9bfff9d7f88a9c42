using Reqnroll;

namespace Netra.Acceptance.Support.Stack;

/// <summary>A stack of a feature's own, kept in its feature context while the feature runs.</summary>
public static class PrivateStack
{
    private const string Key = "netra.private-stack";

    public static NetraEnvironment? Of(FeatureContext feature) =>
        feature.TryGetValue<NetraEnvironment>(Key, out var environment) ? environment : null;

    public static async Task StartForAsync(FeatureContext feature)
    {
        var shared = TestRun.Environment;
        // No Google stand-in: no disruptive feature signs in with Google, and each process saved
        // shortens the start of a stack that runs beside other features.
        feature.Set(await NetraEnvironment.StartAsync(shared.Settings with { AuthUrl = null, BackendUrl = null, FrontendUrl = null },
            withGoogle: false), Key);
    }

    public static async Task StopForAsync(FeatureContext feature)
    {
        if (Of(feature) is { } environment) await environment.DisposeAsync();
        feature.Remove(Key);
    }
}
