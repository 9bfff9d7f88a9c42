namespace GherkinEngine;

/// <summary>
/// xUnit class fixture of each generated feature class: holds the feature's <see cref="FeatureSession"/>
/// so [BeforeFeature] runs before its first scenario and [AfterFeature] after its last.
/// </summary>
public sealed class FeatureFixture : IAsyncDisposable
{
    private readonly object _lock = new();
    private FeatureSession? _session;

    internal FeatureSession GetSession(Func<FeatureSession> create)
    {
        lock (_lock)
            return _session ??= create();
    }

    public async ValueTask DisposeAsync()
    {
        FeatureSession? session;
        lock (_lock)
            session = _session;
        if (session is not null)
            await session.EndAsync().ConfigureAwait(false);
    }
}
