using System.Text;
using Io.Cucumber.Messages.Types;
using Netra.Acceptance.Support.Rules;
using Reqnroll.Formatters;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Formatters.RuntimeSupport;
using Reqnroll.Utils;

namespace Netra.Acceptance.Support.Reports;

/// <summary>
/// A Reqnroll formatter named <c>rules</c> (enable it in reqnroll.json's <c>formatters</c>): writes the run's
/// <see cref="RuleCoverage"/>, per rule its scenarios and their status, as one HTML page when the run ends.
/// </summary>
public sealed class RuleCoverageFormatter(IFormattersConfigurationProvider configuration, IFormatterLog logger, IFileSystem fileSystem)
    : FileWritingFormatterBase(configuration, logger, fileSystem, "rules", ".html", "rules.html")
{
    private readonly RuleCoverage _coverage = new(ContractRules.Current);

    protected override void OnTargetFileStreamInitialized(Stream targetFileStream) { }

    protected override void OnTargetFileStreamDisposing() { }

    protected override async Task WriteToFile(Envelope envelope, CancellationToken cancellationToken)
    {
        _coverage.Add(envelope);
        if (envelope.TestRunFinished is not null && TargetFileStream is not null)
            await TargetFileStream.WriteAsync(Encoding.UTF8.GetBytes(_coverage.RenderHtml()), cancellationToken);
    }
}
