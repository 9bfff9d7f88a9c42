namespace GherkinEngine.Runner;

/// <summary>
/// One feature's lifetime: [BeforeFeature] hooks before its first scenario, a shared
/// <see cref="FeatureContext"/>, [AfterFeature] hooks at the end. A failed [BeforeTestRun] or
/// [BeforeFeature] hook fails every scenario of the feature with that hook's message.
/// </summary>
public sealed class FeatureSession
{
    private readonly ScenarioRunner _runner;
    private readonly TestRunSession? _testRun;
    private readonly ObjectContainer _container;
    private readonly ScenarioOutput _hookOutput = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _started;
    private bool _ended;
    private HookFailedException? _beforeFeatureError;

    public FeatureSession(ScenarioRunner runner, FeatureDefinition feature, TestRunSession? testRun = null)
    {
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        Feature = feature ?? throw new ArgumentNullException(nameof(feature));
        _testRun = testRun;
        _container = new ObjectContainer(testRun?.Container);
        FeatureContext = new FeatureContext(new FeatureInfo(feature), _container);
        _container.RegisterInstanceAs(FeatureContext);
        _container.RegisterInstanceAs(FeatureContext.FeatureInfo);
        _container.RegisterInstanceAs<IReqnrollOutputHelper>(_hookOutput);
    }

    public FeatureDefinition Feature { get; }
    public FeatureContext FeatureContext { get; }

    /// <summary>Runs a scenario of this feature, starting the feature (its hooks) on first use.</summary>
    public async Task<ScenarioResult> RunScenarioAsync(ScenarioDefinition scenario, CancellationToken cancellationToken = default)
    {
        string? hookOutput;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_started)
            {
                _started = true;
                if (_testRun?.Failure is null && !_runner.DryRun)
                    _beforeFeatureError = await HookRunner.RunAsync(_runner.Registry, HookType.BeforeFeature, Feature.Tags, _container, cancellationToken).ConfigureAwait(false);
            }
            hookOutput = TakeHookOutput();
        }
        finally
        {
            _gate.Release();
        }
        return await _runner.RunAsync(scenario, FeatureContext, _testRun?.Failure ?? _beforeFeatureError, hookOutput, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs [AfterFeature] hooks (if the feature started) and disposes feature-level objects; throws on failure.</summary>
    public async Task EndAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ended)
                return;
            _ended = true;
            HookFailedException? afterError = null;
            if (_started && _testRun?.Failure is null && !_runner.DryRun)
                afterError = await HookRunner.RunAsync(_runner.Registry, HookType.AfterFeature, Feature.Tags, _container, cancellationToken).ConfigureAwait(false);
            await _container.DisposeAsync().ConfigureAwait(false);
            if (afterError is not null)
                throw afterError;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Output that feature hooks wrote since the last call (shown with the next scenario).</summary>
    internal string? TakeHookOutput()
    {
        var text = _hookOutput.ToString();
        if (text.Length == 0)
            return null;
        _hookOutput.Clear();
        return text;
    }
}
