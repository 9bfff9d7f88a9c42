namespace Netra.Acceptance.Support.Drivers;

/// <summary>A step of the agent's run as a customer follows it (the contract's run events, in the suite's words).</summary>
public enum RunStep { Started, Thinking, ToolStarted, ToolFinished, Completed, Failed }

/// <summary>How a run that failed says so: whether she can try again, what went wrong and what to do.</summary>
public sealed record RunFailure(bool? Recoverable, string? Error, string? Suggestion);

/// <summary>
/// One run of the agent as it arrived on a live connection: every run event since the question, up to its end.
/// Steps judge it in the suite's words (<see cref="Steps"/>, <see cref="Answer"/>, <see cref="Failure"/>).
/// </summary>
public sealed record AgentRun(IReadOnlyList<SocketMessage> Events)
{
    private static readonly Dictionary<string, RunStep> StepOf = new()
    {
        [SocketMessage.RunStarted] = RunStep.Started,
        [SocketMessage.Thinking] = RunStep.Thinking,
        [SocketMessage.ToolRunning] = RunStep.ToolStarted,
        [SocketMessage.ToolDone] = RunStep.ToolFinished,
        [SocketMessage.RunCompleted] = RunStep.Completed,
        [SocketMessage.RunFailed] = RunStep.Failed,
    };

    /// <summary>Reads the run from what a connection received since its last question (only the run's events).</summary>
    public static AgentRun From(IEnumerable<SocketMessage> received) => new([.. received.Where(m => m.IsRunEvent)]);

    public IReadOnlyList<RunStep> Steps => [.. Events.Select(e => StepOf[e.Type])];

    /// <summary>The run each event says it belongs to (one, for a run that is whole).</summary>
    public IReadOnlyList<string?> RunIds => [.. Events.Select(e => e.RunId).Distinct()];

    public SocketMessage Start => Events.FirstOrDefault(e => e.IsRunStart) ?? throw new InvalidOperationException($"The run never started: {this}");
    public SocketMessage End => Events.LastOrDefault(e => e.IsRunEnd) ?? throw new InvalidOperationException($"The run never ended: {this}");

    /// <summary>How many times the run said it ended (exactly once, for a run that is whole).</summary>
    public int Ends => Events.Count(e => e.IsRunEnd);

    public bool Completed => End.IsAnswer;

    /// <summary>The answer's text, when the run completed.</summary>
    public string? Answer => End.AnswerText;

    /// <summary>The tokens the model used, as the completed run reports them.</summary>
    public TokenUsage? Usage => End.Usage;

    /// <summary>The tools used: the name each start and finish gives, and what each finish reports.</summary>
    public IReadOnlyList<(string? Started, string? Finished, string? Result)> Tools =>
    [
        .. Events.Where(e => e.Type == SocketMessage.ToolRunning)
            .Zip(Events.Where(e => e.Type == SocketMessage.ToolDone), (s, f) => (s.ToolName, f.ToolName, f["result"])),
    ];

    public RunFailure? Failure => End.Type == SocketMessage.RunFailed
        ? new RunFailure(End.Payload["recoverable"]?.GetValue<bool>(), End["error"], End["suggestion"])
        : null;

    public override string ToString() => string.Join(" | ", Events.Select(e => e.Raw));
}
