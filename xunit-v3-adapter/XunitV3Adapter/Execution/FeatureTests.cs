using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Reqnroll;
using Xunit;
using Xunit.Sdk;
using XunitV3Adapter.Gherkin;

namespace XunitV3Adapter;

/// <summary>
/// Base of the generated feature classes (one per <c>.feature</c>, marked with <see cref="FeatureFileAttribute"/>).
/// Each test case runs one scenario on Reqnroll's runtime, making the calls Reqnroll's generated test class makes:
/// take a test runner, end the runner's previous feature and start this one, initialise and start the scenario,
/// run each step by its keyword, collect the scenario's errors, end the scenario, release the runner.
/// Each class is its own xUnit test collection: features run in parallel, a feature's scenarios in file order.
/// </summary>
[TestCaseOrderer(typeof(ScenarioOrderer))]
public abstract class FeatureTests : IClassFixture<FeatureFixture>
{
    private static readonly ConcurrentDictionary<Type, FeatureRun> Features = new();

    /// <summary>Runs one scenario; <paramref name="scenarioKey"/> comes from discovery.</summary>
    [Scenarios]
    public async Task Run(string scenarioKey)
    {
        var feature = Features.GetOrAdd(GetType(), type => FeatureRun.Load(type));
        if (feature.Document.ParseError is { } parseError)
            throw new InvalidOperationException(parseError);
        var scenario = feature.Document.FindScenario(scenarioKey)
            ?? throw new InvalidOperationException($"No scenario at line {scenarioKey} of {feature.Document.Path} (was the feature changed after discovery?).");

        (await TestContext.Current.GetFixture(typeof(FeatureFixture)) as FeatureFixture)?.Use(feature);
        var testRunner = TestRunnerManager.GetTestRunnerForAssembly(GetType().Assembly, featureHint: feature.Info);
        ExceptionDispatchInfo? failure = null;
        try
        {
            await StartFeatureAsync(testRunner, feature.Info);
            await RunScenarioAsync(testRunner, feature, scenario);
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            failure = await EndScenarioAsync(testRunner, failure);
        }
        failure?.Throw();
    }

    // As the generated TestInitializeAsync: a runner that still holds another feature ends it first.
    private static async Task StartFeatureAsync(ITestRunner testRunner, FeatureInfo featureInfo)
    {
        try
        {
            if (testRunner.FeatureContext is not null && !testRunner.FeatureContext.FeatureInfo.Equals(featureInfo))
                await testRunner.OnFeatureEndAsync();
        }
        finally
        {
            if (testRunner.FeatureContext is { BeforeFeatureHookFailed: true })
                throw new ReqnrollException("Scenario skipped because of previous before feature hook error");
            if (testRunner.FeatureContext is null)
                await testRunner.OnFeatureStartAsync(featureInfo);
        }
    }

    // As the generated test method.
    private static async Task RunScenarioAsync(ITestRunner testRunner, FeatureRun feature, ScenarioCase scenario)
    {
        var scenarioInfo = new ScenarioInfo(scenario.Title, scenario.Description, scenario.Tags, scenario.ArgumentsDictionary(),
            scenario.InheritedTags, scenario.PickleIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var ruleInfo = scenario.Rule is { } rule
            ? new RuleInfo(rule.Name.Trim(), ScenarioCase.CleanDescription(rule.Description), ScenarioCase.TagNames(rule.Tags))
            : null;
        testRunner.OnScenarioInitialize(scenarioInfo, ruleInfo);
        if (TestContext.Current.TestOutputHelper is { } output)
            testRunner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(output);

        if (scenario.IsIgnored || TagHelper.ContainsIgnoreTag(feature.Info.Tags))
        {
            await testRunner.SkipScenarioAsync();
            // Reqnroll passes each step of a skipped scenario by as skipped, so the reports show the scenario
            // as skipped rather than as a scenario without steps. No hook runs (block hooks aside).
            foreach (var step in scenario.Steps)
                await RunStepAsync(testRunner, step);
            await CollectErrorsOfIgnoredScenarioAsync(testRunner);
            return;
        }

        await testRunner.OnScenarioStartAsync();
        foreach (var step in scenario.Steps)
            await RunStepAsync(testRunner, step);
        await testRunner.CollectScenarioErrorsAsync();
    }

    private static Task RunStepAsync(ITestRunner testRunner, ScenarioStep step) => step.Source.KeywordType switch
    {
        Io.Cucumber.Messages.Types.StepKeywordType.CONTEXT => testRunner.GivenAsync(step.Text, step.DocString, step.Table(), step.Keyword),
        Io.Cucumber.Messages.Types.StepKeywordType.ACTION => testRunner.WhenAsync(step.Text, step.DocString, step.Table(), step.Keyword),
        Io.Cucumber.Messages.Types.StepKeywordType.OUTCOME => testRunner.ThenAsync(step.Text, step.DocString, step.Table(), step.Keyword),
        // And, But and '*' continue the block before them, as Reqnroll's parser decides.
        _ => testRunner.AndAsync(step.Text, step.DocString, step.Table(), step.Keyword),
    };

    // Reqnroll reports an ignored scenario to xUnit as skipped ("The scenario has been skipped."); say why instead.
    private static async Task CollectErrorsOfIgnoredScenarioAsync(ITestRunner testRunner)
    {
        try
        {
            await testRunner.CollectScenarioErrorsAsync();
        }
        catch (SkipException)
        {
            Assert.Skip("Ignored: tagged @ignore");
        }
    }

    // As the generated TestTearDownAsync. An after-scenario hook that fails fails a passing scenario; a scenario
    // that failed already keeps its own error, and the hook's is added to the test output.
    private static async Task<ExceptionDispatchInfo?> EndScenarioAsync(ITestRunner testRunner, ExceptionDispatchInfo? failure)
    {
        try
        {
            await testRunner.OnScenarioEndAsync();
        }
        catch (Exception e) when (failure is not null)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"An after-scenario hook failed too: {e}");
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(testRunner);
        }
        return failure;
    }
}

/// <summary>A feature as the runtime knows it: its parsed document and its one <see cref="FeatureInfo"/>.</summary>
public sealed class FeatureRun
{
    private FeatureRun(FeatureDocument document, Assembly testAssembly)
    {
        Document = document;
        TestAssembly = testAssembly;
        // Reqnroll tells features apart by this instance: exactly one per feature class.
        Info = new FeatureInfo(Culture(document.Language), document.FolderPath, document.Title,
            document.Description, ProgrammingLanguage.CSharp, document.Tags, new FeatureMessages(document));
    }

    // A specific culture ("en-US" for "en"), as Reqnroll's default: with a neutral one Reqnroll 3.3.4 rebuilds the
    // Gherkin dialect at every step it runs, which made a trivial scenario a third slower.
    private static System.Globalization.CultureInfo Culture(string language)
    {
        try
        {
            return System.Globalization.CultureInfo.CreateSpecificCulture(language);
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return System.Globalization.CultureInfo.InvariantCulture; // a Gherkin dialect that is no .NET culture
        }
    }

    public FeatureDocument Document { get; }
    public FeatureInfo Info { get; }
    public Assembly TestAssembly { get; }

    internal static FeatureRun Load(Type featureClass)
    {
        var attribute = featureClass.GetCustomAttribute<FeatureFileAttribute>()
            ?? throw new InvalidOperationException($"{featureClass.FullName} needs a [FeatureFile] attribute.");
        return new FeatureRun(FeatureDocument.Load(attribute.Path, attribute.SourcePath), featureClass.Assembly);
    }
}
