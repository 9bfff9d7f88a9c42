using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.RuntimeSupport;
using XunitV3Adapter.Gherkin;

namespace XunitV3Adapter;

/// <summary>
/// A feature's source, Gherkin document and pickles, handed to Reqnroll's formatters through its
/// <see cref="Reqnroll.FeatureInfo"/> (what the generator's embedded <c>.feature.ndjson</c> resource does).
/// </summary>
internal sealed class FeatureMessages(FeatureDocument document) : IFeatureLevelCucumberMessages
{
    public bool HasMessages => Source is not null && GherkinDocument is not null;
    public Source Source => document.Source!;
    public GherkinDocument GherkinDocument => document.GherkinDocument!;
    public IEnumerable<Pickle> Pickles => document.Pickles;
}
