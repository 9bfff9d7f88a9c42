using System.Collections.Concurrent;
using System.Reflection;

namespace GherkinEngine.Runner;

/// <summary>
/// The test run of one test assembly: [BeforeTestRun] hooks once before the first scenario,
/// [AfterTestRun] hooks at the end, and the root object container (parent of every feature's).
/// </summary>
public sealed class TestRunSession
{
    private static readonly ConcurrentDictionary<Assembly, TestRunSession> ByAssembly = new();

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _started;
    private bool _ended;
    private Task? _warmUp;

    public TestRunSession(BindingRegistry registry)
    {
        Registry = registry ?? throw new ArgumentNullException(nameof(registry));
        Container = new ObjectContainer();
    }

    /// <summary>The bindings of this run.</summary>
    public BindingRegistry Registry { get; }

    /// <summary>The session of a test assembly's bindings (one per process).</summary>
    public static TestRunSession For(Assembly assembly) =>
        ByAssembly.GetOrAdd(assembly, a => new TestRunSession(BindingRegistry.ForAssembly(a)));

    /// <summary>The failed [BeforeTestRun] hook, if any: every scenario then fails with it.</summary>
    public HookFailedException? Failure { get; private set; }

    internal ObjectContainer Container { get; }

    /// <summary>Dry run (see <see cref="ScenarioRunner.DryRun"/>): no test-run hooks.</summary>
    public bool DryRun { get; init; } = DryRunMode.Enabled;

    /// <summary>When the run started (first scenario or fixture).</summary>
    public DateTimeOffset StartedAt { get; private set; } = DateTimeOffset.UtcNow;

    /// <summary>The end-of-run summary (after <see cref="EndAsync"/>), null when no scenario ran.</summary>
    public string? Summary { get; private set; }

    /// <summary>Every scenario result of this run, recorded for the reports.</summary>
    public RunRecorder Recorder { get; } = new();

    /// <summary>Runs the [BeforeTestRun] hooks once (later calls return at once).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _started))
            return;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_started)
                return;
            StartedAt = DateTimeOffset.UtcNow;
            var configuration = EngineConfiguration.Instance;
            if (configuration.HtmlReportPath is not null || configuration.MessagesReportPath is not null)
                _warmUp = Reports.WarmUpAsync();
            if (!DryRun)
                Failure = await HookRunner.RunAsync(Registry, HookType.BeforeTestRun, Array.Empty<string>(), Container, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _started, true);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs the [AfterTestRun] hooks (if the run started) and disposes run-level objects; throws on failure.</summary>
    public async Task EndAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ended || !_started)
                return;
            _ended = true;
            var afterError = DryRun ? null
                : await HookRunner.RunAsync(Registry, HookType.AfterTestRun, Array.Empty<string>(), Container, cancellationToken).ConfigureAwait(false);
            await Container.DisposeAsync().ConfigureAwait(false);
            if (_warmUp is not null)
                await _warmUp.ConfigureAwait(false);
            Summary = Reports.Write(this);
            if (afterError is not null)
                throw afterError;
        }
        finally
        {
            _gate.Release();
        }
    }
}
