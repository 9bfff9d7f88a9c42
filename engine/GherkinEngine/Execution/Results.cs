namespace GherkinEngine.Runner;

/// <summary>The outcome of one step.</summary>
public enum StepStatus
{
    Passed,
    Failed,
    Skipped,
    Undefined,
    Pending,
    Ambiguous,
    BindingError,
}

/// <summary>What happened to one step of a scenario.</summary>
public sealed class StepResult
{
    internal StepResult(ScenarioStep step, StepStatus status, TimeSpan duration, Exception? error, StepBinding? binding)
    {
        Step = step;
        Status = status;
        Duration = duration;
        Error = error;
        Binding = binding;
    }

    public ScenarioStep Step { get; }
    public string Keyword => Step.Keyword;
    public string Text => Step.Text;
    public int Line => Step.Line;
    public StepStatus Status { get; }
    public TimeSpan Duration { get; }

    /// <summary>The step's error (null for passed, skipped and undefined steps).</summary>
    public Exception? Error { get; }

    /// <summary>The step definition that ran, if one was found.</summary>
    public StepBinding? Binding { get; }

    public override string ToString() => $"{Keyword} {Text}: {Status}";
}

/// <summary>What happened to one scenario: overall status, per-step results, the error to report, the output.</summary>
public sealed class ScenarioResult
{
    internal ScenarioResult(ScenarioDefinition scenario, ScenarioExecutionStatus status, IReadOnlyList<StepResult> steps,
        Exception? error, string output, TimeSpan duration)
    {
        Scenario = scenario;
        Status = status;
        Steps = steps;
        Error = error;
        Output = output;
        Duration = duration;
    }

    public ScenarioDefinition Scenario { get; }
    public ScenarioExecutionStatus Status { get; }
    public IReadOnlyList<StepResult> Steps { get; }

    /// <summary>The first failure (step, hook or disposal), null when the scenario passed.</summary>
    public Exception? Error { get; }

    /// <summary>The step report and everything written through <see cref="IReqnrollOutputHelper"/>.</summary>
    public string Output { get; }

    public TimeSpan Duration { get; }
    public bool Passed => Error is null;

    /// <summary>True when the scenario was not run (<c>@ignore</c>).</summary>
    public bool Skipped { get; init; }

    /// <summary>When the scenario started (UTC).</summary>
    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Files and content attached while the scenario ran.</summary>
    public IReadOnlyList<ScenarioAttachment> Attachments { get; init; } = Array.Empty<ScenarioAttachment>();

    public override string ToString() => $"{Scenario.DisplayName}: {Status}";
}

/// <summary>The outcome of running a whole feature with <see cref="ScenarioRunner.RunFeatureAsync"/>.</summary>
public sealed class FeatureResult
{
    public FeatureResult(FeatureDefinition feature, IReadOnlyList<ScenarioResult> scenarios, Exception? afterFeatureError)
    {
        Feature = feature;
        Scenarios = scenarios;
        AfterFeatureError = afterFeatureError;
    }

    public FeatureDefinition Feature { get; }
    public IReadOnlyList<ScenarioResult> Scenarios { get; }
    public Exception? AfterFeatureError { get; }

    public ScenarioResult this[string scenarioTitle] =>
        Scenarios.FirstOrDefault(s => s.Scenario.Title == scenarioTitle)
        ?? throw new KeyNotFoundException($"No scenario titled '{scenarioTitle}'. Scenarios: {string.Join(", ", Scenarios.Select(s => s.Scenario.Title))}");
}
