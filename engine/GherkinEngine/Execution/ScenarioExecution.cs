using System.Diagnostics;

namespace GherkinEngine;

/// <summary>The state of one scenario run: before hooks, steps in order, after hooks (always).</summary>
internal sealed class ScenarioExecution
{
    private readonly ScenarioRunner _runner;
    private readonly ScenarioDefinition _scenario;
    private readonly ScenarioContext _context;
    private readonly ObjectContainer _container;
    private readonly ScenarioOutput _output;
    private readonly CancellationToken _cancellationToken;
    private readonly List<ScenarioStep> _undefined = new();

    public ScenarioExecution(ScenarioRunner runner, ScenarioDefinition scenario, ScenarioContext context,
        ObjectContainer container, ScenarioOutput output, CancellationToken cancellationToken)
    {
        _runner = runner;
        _scenario = scenario;
        _context = context;
        _container = container;
        _output = output;
        _cancellationToken = cancellationToken;
        Results = new List<StepResult>(scenario.Steps.Count);
    }

    public List<StepResult> Results { get; }
    public Exception? Error { get; private set; }
    public ScenarioExecutionStatus Status { get; private set; } = ScenarioExecutionStatus.OK;

    private BindingRegistry Registry => _runner.Registry;

    /// <summary>Nothing runs: every step is reported as skipped.</summary>
    public void FailSetup(Exception error, ScenarioExecutionStatus status = ScenarioExecutionStatus.TestError)
    {
        _output.WriteLine(error.Message);
        Fail(error, null, status);
        foreach (var step in _scenario.Steps)
            Skip(step);
    }

    /// <summary>Records a failure; the first one is the scenario's error, later ones only go to the output.</summary>
    public void Fail(Exception error, string? source, ScenarioExecutionStatus status = ScenarioExecutionStatus.TestError)
    {
        if (source is not null)
            _output.WriteLine($"{source} failed: {error.GetType().Name}: {error.Message}");
        if (Error is not null)
            return;
        Error = error;
        Status = status;
        _context.TestError = error;
        _context.ScenarioExecutionStatus = status;
    }

    public async Task RunAsync()
    {
        var tags = _scenario.CombinedTags;
        var beforeError = await HookRunner.RunAsync(Registry, HookType.BeforeScenario, tags, _container, _cancellationToken).ConfigureAwait(false);
        if (beforeError is not null)
            Fail(beforeError, "Before scenario hook");

        foreach (var step in _scenario.Steps)
        {
            if (Error is null && _cancellationToken.IsCancellationRequested)
                Fail(new OperationCanceledException("The test run was cancelled.", _cancellationToken), null);
            if (Error is not null)
                Skip(step);
            else
                await RunStepAsync(step).ConfigureAwait(false);
        }

        if (_undefined.Count > 0 && Status == ScenarioExecutionStatus.UndefinedStep)
            Error = _context.TestError = new UndefinedStepException(SnippetGenerator.UndefinedMessage(_undefined));
        else if (_undefined.Count > 0)
            _output.WriteLine(SnippetGenerator.UndefinedMessage(_undefined));

        // After-scenario hooks run whatever happened before (cleanup), and see TestError.
        var afterError = await HookRunner.RunAsync(Registry, HookType.AfterScenario, tags, _container, _cancellationToken).ConfigureAwait(false);
        if (afterError is not null)
            Fail(afterError, "After scenario hook");
    }

    /// <summary>
    /// Dry run: binds every step (no hooks, no step code, no binding instances). Bound steps are reported as
    /// skipped; the scenario fails listing every undefined, ambiguous or unfitting step.
    /// </summary>
    public void DryRun()
    {
        var problems = new List<string>();
        foreach (var step in _scenario.Steps)
        {
            var match = Registry.Match(step);
            var (status, error) = match.Kind switch
            {
                StepMatchKind.Undefined => (StepStatus.Undefined, (Exception?)null),
                StepMatchKind.Ambiguous => (StepStatus.Ambiguous, Ambiguous(step, match)),
                StepMatchKind.ArgumentMismatch => (StepStatus.BindingError, Mismatch(step, match)),
                _ => (StepStatus.Skipped, null),
            };
            _output.BeginStep(step);
            _output.EndStep(status == StepStatus.Skipped ? StepStatus.Skipped : status, TimeSpan.Zero, error);
            Results.Add(new StepResult(step, status, TimeSpan.Zero, error, match.Binding));
            if (status == StepStatus.Undefined)
                _undefined.Add(step);
            else if (error is not null)
                problems.Add(error.Message);
        }
        if (_undefined.Count > 0)
            problems.Insert(0, SnippetGenerator.UndefinedMessage(_undefined));
        if (problems.Count == 0)
            return;
        Exception failure = _undefined.Count > 0
            ? new UndefinedStepException(string.Join("\n\n", problems))
            : new AmbiguousStepException(string.Join("\n\n", problems));
        Fail(failure, null, _undefined.Count > 0 ? ScenarioExecutionStatus.UndefinedStep : ScenarioExecutionStatus.BindingError);
    }

    private void Skip(ScenarioStep step)
    {
        // Later undefined steps are still reported, so one run yields every missing snippet.
        var undefined = Registry.Errors.Count == 0 && Registry.Match(step).Kind == StepMatchKind.Undefined;
        if (undefined)
            _undefined.Add(step);
        _output.Skipped(step, undefined);
        Results.Add(new StepResult(step, StepStatus.Skipped, TimeSpan.Zero, null, null));
    }

    private async Task RunStepAsync(ScenarioStep step)
    {
        var started = Stopwatch.GetTimestamp();
        var table = step.CreateTable();
        var stepContext = new ScenarioStepContext(new StepInfo(step, table));
        _context.StepContext = stepContext;
        if (step.Type is { } type)
            _context.CurrentScenarioBlock = (ScenarioBlock)((int)type + 1);
        _output.BeginStep(step);

        var match = Registry.Match(step);
        var (status, error, scenarioStatus) = match.Kind switch
        {
            StepMatchKind.Undefined => (StepStatus.Undefined, null, ScenarioExecutionStatus.UndefinedStep),
            StepMatchKind.Ambiguous => (StepStatus.Ambiguous, Ambiguous(step, match), ScenarioExecutionStatus.BindingError),
            StepMatchKind.ArgumentMismatch => (StepStatus.BindingError, Mismatch(step, match), ScenarioExecutionStatus.BindingError),
            _ => await InvokeAsync(step, match, table).ConfigureAwait(false),
        };

        var duration = Stopwatch.GetElapsedTime(started);
        stepContext.Status = scenarioStatus;
        _output.EndStep(status, duration, error);
        Results.Add(new StepResult(step, status, duration, error, match.Binding));
        if (status == StepStatus.Undefined)
        {
            _undefined.Add(step);
            Fail(new UndefinedStepException(SnippetGenerator.UndefinedMessage(_undefined)), null, scenarioStatus);
        }
        else if (error is not null)
        {
            Fail(error, null, scenarioStatus);
        }
    }

    private async Task<(StepStatus, Exception?, ScenarioExecutionStatus)> InvokeAsync(ScenarioStep step, StepMatch match, Table? table)
    {
        var tags = _scenario.CombinedTags;
        var beforeError = await HookRunner.RunAsync(Registry, HookType.BeforeStep, tags, _container, _cancellationToken).ConfigureAwait(false);
        if (beforeError is not null)
            return (StepStatus.Failed, beforeError, ScenarioExecutionStatus.TestError);

        var binding = match.Binding!;
        (StepStatus, Exception?, ScenarioExecutionStatus) result;
        try
        {
            var args = binding.ConvertArguments(match.Arguments, step, table, Transform);
            var target = binding.Method.IsStatic ? null : _container.Resolve(binding.BindingType);
            await MethodInvoker.InvokeAsync(binding.Method, target, args, _cancellationToken).ConfigureAwait(false);
            result = (StepStatus.Passed, null, ScenarioExecutionStatus.OK);
        }
        catch (PendingStepException e)
        {
            var detail = e.Message == PendingStepException.DefaultMessage ? string.Empty : $" ({e.Message})";
            result = (StepStatus.Pending, new PendingStepException($"Pending: {step.Keyword} {step.Text}{detail}", e), ScenarioExecutionStatus.StepDefinitionPending);
        }
        catch (BindingException e)
        {
            result = (StepStatus.BindingError, e, ScenarioExecutionStatus.BindingError);
        }
        catch (Exception e)
        {
            result = (StepStatus.Failed, e, ScenarioExecutionStatus.TestError);
        }

        // After-step hooks see the step's outcome in the scenario context.
        if (result.Item2 is not null)
        {
            _context.TestError ??= result.Item2;
            _context.ScenarioExecutionStatus = result.Item3;
        }
        var afterError = await HookRunner.RunAsync(Registry, HookType.AfterStep, tags, _container, _cancellationToken).ConfigureAwait(false);
        if (afterError is not null && result.Item2 is null)
            result = (StepStatus.Failed, afterError, ScenarioExecutionStatus.TestError);
        return result;
    }

    /// <summary>Runs a [StepArgumentTransformation] with the scenario's binding instance (its own exception surfaces).</summary>
    private object? Transform(StepArgumentTransformationBinding transformation, object?[] args)
    {
        var target = transformation.Method.IsStatic ? null : _container.Resolve(transformation.BindingType);
        try
        {
            return transformation.Method.Invoke(target, args);
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private static AmbiguousStepException Ambiguous(ScenarioStep step, StepMatch match) =>
        new($"Ambiguous step definitions for '{step.Keyword} {step.Text}' (line {step.Line}): " +
            string.Join(", ", match.Candidates.Select(c => c.Description)) + ". Make the expressions distinct.");

    private static BindingException Mismatch(ScenarioStep step, StepMatch match)
    {
        var has = step.TableRows is not null ? "a data table" : step.DocString is not null ? "a doc string" : "no data table or doc string";
        return new BindingException(
            $"The step '{step.Keyword} {step.Text}' (line {step.Line}) has {has}, which does not fit the parameters of " +
            string.Join(", ", match.Candidates.Select(c => c.Description)) +
            " (a data table needs a last DataTable/Table parameter, a doc string a last string parameter).");
    }
}
