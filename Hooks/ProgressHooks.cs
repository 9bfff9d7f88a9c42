using System.Diagnostics;
using System.Globalization;
using Netra.Acceptance.Support.Stack;

namespace Netra.Acceptance.Hooks;

/// <summary>
/// Progress during the run: a line per finished feature (name, passed, failed, skipped, seconds), appended to
/// TestResults/netra/progress.txt as it happens and written to the test process's console. `dotnet test` does not
/// show a test process's console until the end, so ./acceptance follows the file and prints each line at once;
/// with plain `dotnet test`, `tail -f TestResults/netra/progress.txt` does the same.
/// </summary>
[Binding]
public sealed class ProgressHooks
{
    private const string Key = "netra.progress";
    private static readonly Lock Writing = new();

    private sealed class FeatureProgress
    {
        public readonly Stopwatch Clock = Stopwatch.StartNew();
        public int Passed, Failed, Skipped;
    }

    // Where the run's results go is a run-level setting, read once.
    private static readonly Lazy<string> ProgressFile = new(() => Path.Combine(SuiteSettings.FromEnvironment().ResultsDirectory, "progress.txt"));

    [BeforeTestRun(Order = -100)]
    public static void StartTheProgressFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ProgressFile.Value)!);
        File.WriteAllText(ProgressFile.Value, "");
    }

    [BeforeFeature]
    public static void FeatureStarts(FeatureContext feature) => feature[Key] = new FeatureProgress();

    // Last of the after-scenario hooks: the scenario's outcome is settled.
    [AfterScenario(Order = int.MaxValue)]
    public static void ScenarioEnds(FeatureContext feature, ScenarioContext scenario)
    {
        if (!feature.TryGetValue(Key, out FeatureProgress progress)) return;
        lock (progress)
        {
            if (scenario.ScenarioExecutionStatus == ScenarioExecutionStatus.OK) progress.Passed++;
            else if (scenario.ScenarioExecutionStatus == ScenarioExecutionStatus.Skipped || scenario.ContainsKey(LeftOut.Key)) progress.Skipped++;
            else progress.Failed++;
        }
    }

    [AfterFeature]
    public static void FeatureEnds(FeatureContext feature)
    {
        if (!feature.TryGetValue(Key, out FeatureProgress progress)) return;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{(progress.Failed > 0 ? "FAIL" : "ok  ")} {feature.FeatureInfo.Title}: {progress.Passed} passed, {progress.Failed} failed, {progress.Skipped} skipped, {progress.Clock.Elapsed.TotalSeconds:0.0} s\n");
        lock (Writing)
        {
            File.AppendAllText(ProgressFile.Value, line);
            Console.Out.Write(line);
        }
    }
}
