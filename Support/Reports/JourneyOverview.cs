using System.Globalization;
using System.Text;
using Io.Cucumber.Messages.Types;

namespace Netra.Acceptance.Support.Reports;

/// <summary>
/// What Cucumber's HTML report does not show at a glance: per journey (feature), whom it protects and how
/// many of its scenarios passed, failed or were skipped, and how long they took. Read from a run's Cucumber
/// Messages, the same ones Reqnroll's html and message formatters get.
/// </summary>
public sealed class JourneyOverview
{
    private readonly Dictionary<string, Journey> _journeys = [];               // by feature file
    private readonly Dictionary<string, string> _pickleUris = [];              // pickle id → feature file
    private readonly Dictionary<string, string> _testCasePickles = [];         // test case id → pickle id
    private readonly Dictionary<string, ScenarioRun> _runs = [];               // test case started id → its run

    public IReadOnlyList<Journey> Journeys => _journeys.Values.ToList();

    public void Add(Envelope envelope)
    {
        if (envelope.GherkinDocument is { Feature: { } feature } document)
            _journeys[document.Uri] = new Journey(feature.Name.Trim(), Protects(feature.Description));
        else if (envelope.Pickle is { } pickle)
            _pickleUris[pickle.Id] = pickle.Uri;
        else if (envelope.TestCase is { } testCase)
            _testCasePickles[testCase.Id] = testCase.PickleId;
        else if (envelope.TestCaseStarted is { } started && JourneyOf(started.TestCaseId) is { } journey)
            _runs[started.Id] = journey.Start(started.Timestamp);
        else if (envelope.TestStepFinished is { } step && _runs.TryGetValue(step.TestCaseStartedId, out var run))
            run.Record(step.TestStepResult.Status);
        else if (envelope.TestCaseFinished is { } finished && _runs.TryGetValue(finished.TestCaseStartedId, out var done))
            done.Finish(finished.Timestamp, finished.WillBeRetried);
    }

    private Journey? JourneyOf(string testCaseId) =>
        _testCasePickles.TryGetValue(testCaseId, out var pickle) && _pickleUris.TryGetValue(pickle, out var uri)
            ? _journeys.GetValueOrDefault(uri)
            : null;

    /// <summary>Each feature's description opens with the sentence "Who it protects: ...".</summary>
    private static string Protects(string? description) =>
        System.Text.RegularExpressions.Regex.Match(string.Join(" ", (description ?? "").Split('\n').Select(l => l.Trim())),
            @"Who it protects:\s*(?<whom>.+?\.)(?=\s|$)") is { Success: true } match ? match.Groups["whom"].Value : "";

    public string Render()
    {
        var journeys = _journeys.Values.Where(j => j.Scenarios.Count > 0).OrderBy(j => j.Name, StringComparer.Ordinal).ToList();
        var text = new StringBuilder("Journeys:\n");
        if (journeys.Count == 0)
            return text.Append("  no scenario ran\n").ToString();
        var width = Math.Min(60, journeys.Max(j => j.Name.Length));
        foreach (var journey in journeys)
        {
            text.Append(journey.Failed > 0 ? "  FAIL " : "  ok   ").Append(Fit(journey.Name, width))
                .Append(CultureInfo.InvariantCulture, $"  {journey.Passed} passed, {journey.Failed} failed, {journey.Skipped} skipped")
                .Append(CultureInfo.InvariantCulture, $"  {journey.Duration.TotalSeconds,6:0.0} s");
            if (journey.Protects.Length > 0)
                text.Append("  protects ").Append(journey.Protects);
            text.Append('\n');
        }
        text.Append(CultureInfo.InvariantCulture,
            $"  Total: {journeys.Sum(j => j.Passed)} passed, {journeys.Sum(j => j.Failed)} failed, {journeys.Sum(j => j.Skipped)} skipped\n");
        return text.ToString();
    }

    private static string Fit(string text, int width) => (text.Length <= width ? text : text[..(width - 1)] + "…").PadRight(width);

    public sealed class Journey(string name, string protects)
    {
        private readonly List<ScenarioRun> _scenarios = [];

        public string Name { get; } = name;
        public string Protects { get; } = protects;
        public IReadOnlyList<ScenarioRun> Scenarios => _scenarios.Where(s => s.IsFinal).ToList();
        public int Passed => Scenarios.Count(s => s.Outcome == Outcome.Passed);
        public int Failed => Scenarios.Count(s => s.Outcome == Outcome.Failed);
        public int Skipped => Scenarios.Count(s => s.Outcome == Outcome.Skipped);
        public TimeSpan Duration => Scenarios.Aggregate(TimeSpan.Zero, (total, s) => total + s.Duration);

        internal ScenarioRun Start(Timestamp at)
        {
            var run = new ScenarioRun(at);
            _scenarios.Add(run);
            return run;
        }
    }

    public enum Outcome { Passed, Failed, Skipped }

    /// <summary>One attempt at a scenario: its steps' and hooks' results, worst first.</summary>
    public sealed class ScenarioRun(Timestamp startedAt)
    {
        private readonly List<TestStepResultStatus> _results = [];
        private Timestamp? _finishedAt;

        public bool IsFinal { get; private set; }

        public TimeSpan Duration => _finishedAt is null ? TimeSpan.Zero : Time(_finishedAt) - Time(startedAt);

        /// <summary>
        /// Failed when a step or hook failed or is not bound; otherwise skipped when anything was skipped (an ignored
        /// scenario, or one a hook or step left out: its after-hooks still pass); passed otherwise. Cucumber's
        /// report ranks the statuses the same way.
        /// </summary>
        public Outcome Outcome =>
            _results.Any(r => r is TestStepResultStatus.FAILED or TestStepResultStatus.UNDEFINED or TestStepResultStatus.PENDING
                or TestStepResultStatus.AMBIGUOUS or TestStepResultStatus.UNKNOWN) ? Outcome.Failed
            : _results.Count == 0 || _results.Contains(TestStepResultStatus.SKIPPED) ? Outcome.Skipped
            : Outcome.Passed;

        internal void Record(TestStepResultStatus status) => _results.Add(status);

        internal void Finish(Timestamp at, bool willBeRetried)
        {
            _finishedAt = at;
            IsFinal = !willBeRetried;
        }

        private static TimeSpan Time(Timestamp t) => TimeSpan.FromSeconds(t.Seconds) + TimeSpan.FromTicks(t.Nanos / 100);
    }
}
