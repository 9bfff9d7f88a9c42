using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace GherkinEngine;

/// <summary>Turns the <c>[Scenarios]</c> method of a generated feature class into one xUnit test case per scenario.</summary>
public sealed class ScenarioDiscoverer : IXunitTestCaseDiscoverer
{
    public ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute)
    {
        var featureFile = testMethod.TestClass.Class.GetCustomAttribute<FeatureFileAttribute>();
        if (featureFile is null)
            return new(Array.Empty<IXunitTestCase>());

        var feature = FeatureLoader.Load(featureFile.Path, featureFile.SourcePath);
        var testCases = ScenarioTestCases.Describe(feature).Select(tc => (IXunitTestCase)Create(testMethod, tc, factAttribute)).ToList();
        return new(testCases);
    }

    private static XunitTestCase Create(IXunitTestMethod testMethod, ScenarioTestCase tc, IFactAttribute factAttribute)
    {
        // The scenario id is the test method argument: a plain string, so xUnit can serialize and filter it.
        var arguments = new object?[] { tc.ScenarioId };
        var traits = tc.Traits.ToDictionary(t => t.Key, t => new HashSet<string>(t.Value, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        return new XunitTestCase(
            testMethod,
            tc.DisplayName,
            UniqueIDGenerator.ForTestCase(testMethod.UniqueID, null, arguments),
            factAttribute.Explicit,
            null,
            tc.SkipReason ?? factAttribute.Skip,
            null,
            null,
            null,
            traits,
            arguments,
            tc.SourceFilePath,
            tc.SourceLine,
            factAttribute.Timeout);
    }
}
