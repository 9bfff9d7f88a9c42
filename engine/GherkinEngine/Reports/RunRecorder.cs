namespace GherkinEngine.Runner;

/// <summary>Collects the scenario results of a test run (thread-safe), in the order features first reported.</summary>
public sealed class RunRecorder
{
    private readonly object _lock = new();
    private readonly List<FeatureDefinition> _features = new();
    private readonly Dictionary<FeatureDefinition, List<ScenarioResult>> _results = new();

    public void Record(FeatureDefinition feature, ScenarioResult result)
    {
        lock (_lock)
        {
            if (!_results.TryGetValue(feature, out var list))
            {
                _features.Add(feature);
                _results[feature] = list = new List<ScenarioResult>();
            }
            list.Add(result);
        }
    }

    /// <summary>Every feature with its results, scenarios in file order.</summary>
    public IReadOnlyList<FeatureResult> Features
    {
        get
        {
            lock (_lock)
                return _features.Select(f => new FeatureResult(f, _results[f].OrderBy(r => r.Scenario.Index).ToList(), null)).ToList();
        }
    }
}
