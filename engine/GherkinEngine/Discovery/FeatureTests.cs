using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Xunit;

namespace GherkinEngine;

/// <summary>
/// Base of the generated feature classes (one per .feature file, marked with <see cref="FeatureFileAttribute"/>).
/// Each class is its own xUnit test collection: features run in parallel, a feature's scenarios in file order.
/// </summary>
[TestCaseOrderer(typeof(ScenarioOrderer))]
public abstract class FeatureTests : IClassFixture<FeatureFixture>
{
    private static readonly ConcurrentDictionary<Type, FeatureDefinition> Features = new();

    /// <summary>Runs one scenario; <paramref name="scenarioId"/> comes from discovery.</summary>
    [Scenarios]
    public async Task Run(string scenarioId)
    {
        var feature = Features.GetOrAdd(GetType(), LoadFeature);
        var cancellationToken = TestContext.Current.CancellationToken;

        if (scenarioId == ScenarioTestCases.ParseErrorId || feature.ParseError is not null)
            throw new InvalidOperationException(feature.ParseError ?? $"{feature.FilePath} did not parse.");
        var scenario = feature.FindScenario(scenarioId)
            ?? throw new InvalidOperationException($"Scenario '{scenarioId}' is not in {feature.FilePath} (was the feature changed after discovery?).");

        var testRun = TestRunSession.For(GetType().Assembly);
        await testRun.StartAsync(cancellationToken); // normally done already by TestRunFixture

        var session = await GetSessionAsync(feature, testRun);
        var result = await session.RunScenarioAsync(scenario, cancellationToken);
        testRun.Recorder.Record(feature, result);

        TestContext.Current.TestOutputHelper?.WriteLine(result.Output.TrimEnd('\n'));
        if (result.Error is not null)
            ExceptionDispatchInfo.Throw(SkipOrError(result.Error)); // keeps the original type and stack (e.g. an assertion failure)
    }

    /// <summary>
    /// xUnit's dynamic skip (<c>Assert.Skip("reason")</c>) thrown by a before-scenario hook is rethrown as is,
    /// so the scenario is reported as skipped with its reason instead of as a failed hook (as in Reqnroll).
    /// </summary>
    internal static Exception SkipOrError(Exception error) =>
        error is HookFailedException { InnerException: { } inner } && inner.Message.StartsWith(DynamicSkipToken, StringComparison.Ordinal)
            ? inner
            : error;

    private const string DynamicSkipToken = "$XunitDynamicSkip$";

    private static async Task<FeatureSession> GetSessionAsync(FeatureDefinition feature, TestRunSession testRun)
    {
        var fixture = await TestContext.Current.GetFixture(typeof(FeatureFixture)) as FeatureFixture
            ?? throw new InvalidOperationException("The FeatureFixture class fixture is not available.");
        return fixture.GetSession(() => new FeatureSession(new ScenarioRunner(testRun.Registry) { DryRun = testRun.DryRun }, feature, testRun));
    }

    private static FeatureDefinition LoadFeature(Type type)
    {
        var attribute = type.GetCustomAttribute<FeatureFileAttribute>()
            ?? throw new InvalidOperationException($"{type.FullName} needs a [FeatureFile] attribute.");
        return FeatureLoader.Load(attribute.Path, attribute.SourcePath);
    }
}
