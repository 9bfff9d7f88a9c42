using System.Text;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Formatters.RuntimeSupport;
using Reqnroll.Utils;

namespace Netra.Acceptance.Support.Reports;

/// <summary>
/// A Reqnroll formatter named <c>journeys</c> (enable it in reqnroll.json's <c>formatters</c>): writes the
/// <see cref="JourneyOverview"/> of the run to its output file and to the test process's console when the run ends,
/// and posts the <see cref="FailureNotification"/> of a red run (a sharded run leaves that to the merge of its shards).
/// </summary>
public sealed class JourneyOverviewFormatter(IFormattersConfigurationProvider configuration, IFormatterLog logger, IFileSystem fileSystem)
    : FileWritingFormatterBase(configuration, logger, fileSystem, "journeys", ".txt", "journeys.txt")
{
    private readonly JourneyOverview _overview = new();
    private string _outputPath = "";

    protected override void FinalizeInitialization(string outputPath, IDictionary<string, object> formatterConfiguration, Action<bool> onInitialized)
    {
        _outputPath = outputPath;
        base.FinalizeInitialization(outputPath, formatterConfiguration, onInitialized);
    }

    protected override void OnTargetFileStreamInitialized(Stream targetFileStream) { }

    protected override void OnTargetFileStreamDisposing() { }

    protected override async Task WriteToFile(Envelope envelope, CancellationToken cancellationToken)
    {
        _overview.Add(envelope);
        if (envelope.TestRunFinished is null || TargetFileStream is null)
            return;
        var text = _overview.Render();
        await TargetFileStream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        Console.Out.Write(text);
        if (Environment.GetEnvironmentVariable("NETRA_SHARD") is not { Length: > 0 }
            && await FailureNotification.PostIfRedAsync(_overview.Journeys,
                Path.Combine(Path.GetDirectoryName(Path.GetFullPath(_outputPath)) ?? "", "reqnroll_report.html"), cancellationToken: cancellationToken) is { } notice)
            Console.Out.WriteLine(notice);
        await Console.Out.FlushAsync(cancellationToken);
    }
}
