[assembly: AssemblyFixture(typeof(XunitV3Adapter.Tests.SampleRuns))]

namespace XunitV3Adapter.Tests;

/// <summary>
/// The sample's runs the tests read, made once, one after another (they share the sample's output folder):
/// a normal run, a dry run, and a run filtered by a tag of one Examples block.
/// </summary>
public sealed class SampleRuns : IAsyncLifetime
{
    public SampleRun Normal { get; private set; } = null!;
    public SampleRun DryRun { get; private set; } = null!;
    public SampleRun FilteredBySlowExamples { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        DryRun = await SampleRun.StartAsync(new Dictionary<string, string> { ["REQNROLL_DRY_RUN"] = "true" });
        FilteredBySlowExamples = await SampleRun.StartAsync(null, "-trait", "Category=slow");
        Normal = await SampleRun.StartAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
