using FluentAssertions;

namespace GherkinEngine.Tests.Runner;

/// <summary>Shared by the test and its bindings: registered in every scenario container of a run.</summary>
public sealed class Log
{
    private readonly List<string> _entries = new();

    public IReadOnlyList<string> Entries => _entries;

    public void Add(string entry)
    {
        lock (_entries)
            _entries.Add(entry);
    }
}

/// <summary>
/// Runs feature text against chosen binding types (which carry no [Binding] attribute, so the
/// generated fixture tests never see them).
/// </summary>
internal static class RunnerKit
{
    public static FeatureDefinition Parse(string featureText)
    {
        var feature = FeatureLoader.Parse(featureText, "Features/Test.feature");
        feature.ParseError.Should().BeNull();
        return feature;
    }

    public static Task<FeatureResult> RunAsync(string featureText, params Type[] bindings) => RunAsync(featureText, new Log(), bindings);

    public static Task<FeatureResult> RunAsync(string featureText, Log log, params Type[] bindings)
    {
        var runner = new ScenarioRunner(BindingRegistry.FromTypes(bindings))
        {
            ScenarioContainerSetup = container => container.RegisterInstanceAs(log),
        };
        return runner.RunFeatureAsync(Parse(featureText), TestContext.Current.CancellationToken);
    }

    public static StepStatus[] Statuses(this ScenarioResult result) => result.Steps.Select(s => s.Status).ToArray();
}
