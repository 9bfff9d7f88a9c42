using Reqnroll;

namespace XunitV3Adapter;

/// <summary>
/// xUnit class fixture of each generated feature class. After the feature's last scenario it ends the feature
/// on every test runner that ran it, so [AfterFeature] hooks run then (the generated FixtureData's DisposeAsync).
/// </summary>
public sealed class FeatureFixture : IAsyncDisposable
{
    private FeatureRun? _feature;

    internal void Use(FeatureRun feature) => _feature ??= feature;

    public async ValueTask DisposeAsync()
    {
        if (_feature is { } feature)
            await TestRunnerManager.ReleaseFeatureAsync(feature.Info, feature.TestAssembly);
    }
}
