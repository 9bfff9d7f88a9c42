using Reqnroll;

namespace Netra.Acceptance.Support.Performance;

/// <summary>
/// Puts each measurement in the report: its figures as a line of the scenario's output, its chart as an attachment,
/// and both under TestResults/netra/performance/ (figures.txt gathers the run's figures, one line each).
/// </summary>
public sealed class PerformanceReport(EnvironmentContext environment, IReqnrollOutputHelper output)
{
    public void Show(Latencies measured)
    {
        var folder = Path.Combine(environment.Environment.Settings.ResultsDirectory, "performance");
        output.WriteLine(measured.Summary());
        output.AddAttachment(measured.WriteChart(folder));
        // The performance feature runs alone (@nonparallelizable): one writer at a time.
        File.AppendAllText(Path.Combine(folder, "figures.txt"), $"{DateTime.UtcNow:O}  {measured.Summary()}{Environment.NewLine}");
    }
}
