using System.Text;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Formatters.RuntimeSupport;
using Reqnroll.Utils;

namespace Netra.Acceptance.Support.Reports;

/// <summary>
/// A Reqnroll formatter named <c>journeys</c> (enable it in reqnroll.json's <c>formatters</c>): writes the
/// <see cref="JourneyOverview"/> of the run to its output file and to the test process's console when the run ends.
/// </summary>
public sealed class JourneyOverviewFormatter(IFormattersConfigurationProvider configuration, IFormatterLog logger, IFileSystem fileSystem)
    : FileWritingFormatterBase(configuration, logger, fileSystem, "journeys", ".txt", "journeys.txt")
{
    private readonly JourneyOverview _overview = new();

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
        await Console.Out.FlushAsync(cancellationToken);
    }
}
