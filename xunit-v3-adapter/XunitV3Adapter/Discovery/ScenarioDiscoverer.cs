using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;
using XunitV3Adapter.Gherkin;

namespace XunitV3Adapter;

/// <summary>
/// Turns the <c>[Scenarios]</c> method of a generated feature class into one xUnit test case per scenario and
/// per outline row, named <c>&lt;Feature&gt;: &lt;Scenario&gt;</c>, with the traits <c>Feature</c>, <c>Scenario</c>
/// and <c>Category</c> (every tag: feature, rule, scenario, examples). A feature that does not parse is one
/// failing test case that says why.
/// </summary>
public sealed class ScenarioDiscoverer : IXunitTestCaseDiscoverer
{
    /// <summary>The test case argument of a feature that does not parse.</summary>
    public const string ParseErrorKey = "!parse-error";

    public ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute)
    {
        var featureFile = testMethod.TestClass.Class.GetCustomAttribute<FeatureFileAttribute>();
        if (featureFile is null)
            return new([]);

        var feature = FeatureDocument.Load(featureFile.Path, featureFile.SourcePath);
        if (feature.ParseError is not null)
            return new([Create(testMethod, factAttribute, ParseErrorKey, $"{feature.Path}: Gherkin parse error",
                Traits(feature.Title, "Gherkin parse error", []), feature.SourcePath, 1)]);

        return new(feature.Scenarios
            .Select(s => Create(testMethod, factAttribute, s.Key, s.DisplayName, Traits(feature.Title, s.Title, s.CombinedTags), feature.SourcePath, s.Line))
            .ToList());
    }

    private static IXunitTestCase Create(IXunitTestMethod testMethod, IFactAttribute factAttribute, string key, string displayName,
        Dictionary<string, HashSet<string>> traits, string? sourcePath, int line)
    {
        // The scenario key is the test method's argument: a plain string, so xUnit can serialize it.
        var arguments = new object?[] { key };
        return new XunitTestCase(
            testMethod,
            displayName,
            UniqueIDGenerator.ForTestCase(testMethod.UniqueID, null, arguments),
            factAttribute.Explicit,
            skipExceptions: null,
            skipReason: factAttribute.Skip,
            skipType: null,
            skipUnless: null,
            skipWhen: null,
            traits,
            arguments,
            sourcePath,
            line,
            factAttribute.Timeout);
    }

    // Feature and Scenario traits let a command line run one feature or one scenario by name.
    private static Dictionary<string, HashSet<string>> Traits(string featureTitle, string scenarioTitle, string[] tags)
    {
        var traits = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Feature"] = new(StringComparer.OrdinalIgnoreCase) { featureTitle },
            ["Scenario"] = new(StringComparer.OrdinalIgnoreCase) { scenarioTitle },
        };
        if (tags.Length > 0)
            traits["Category"] = new(tags, StringComparer.OrdinalIgnoreCase);
        return traits;
    }
}
