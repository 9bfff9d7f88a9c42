namespace XunitV3Adapter.Tests;

/// <summary>Reqnroll's hooks run when they should, a feature's scenarios run in file order, drivers are disposed.</summary>
public sealed class LifecycleTests(SampleRuns runs)
{
    [Fact]
    public void Hooks_scenarios_and_disposals_happen_in_order_and_feature_hooks_once()
    {
        runs.Normal.Log.Where(l => !l.Contains("Serial")).Should().Equal(
            "before test run",
            "before feature: Lifecycle",
            "before scenario: First",
            "driver used: First",
            "step: First",
            "after scenario: First",
            "driver disposed: First",
            "before scenario: Second fails",
            "driver used: Second fails",
            "after scenario: Second fails",
            "driver disposed: Second fails",
            "before scenario: Third",
            "step: Third",
            "after scenario: Third",
            "after feature: Lifecycle",
            "after test run");
    }

    [Fact]
    public void A_feature_with_a_non_parallel_tag_is_in_a_collection_that_runs_alone()
    {
        var sample = System.Reflection.Assembly.LoadFrom(Path.Combine(SampleRun.SampleFolder, "XunitV3Adapter.Sample.dll"));
        var serial = sample.GetType("XunitV3Adapter.Sample.Features.SerialFeature", throwOnError: true)!;
        var collection = serial.CustomAttributes.Single(a => a.AttributeType.Name == "CollectionAttribute");
        var name = (string)collection.ConstructorArguments[0].Value!;
        var definition = sample.GetTypes().Select(t => t.CustomAttributes.SingleOrDefault(a => a.AttributeType.Name == "CollectionDefinitionAttribute"))
            .Single(a => a is not null && (string)a.ConstructorArguments[0].Value! == name)!;
        definition.NamedArguments.Should().Contain(a => a.MemberName == "DisableParallelization" && (bool)a.TypedValue.Value! == true);

        sample.GetType("XunitV3Adapter.Sample.Features.CalculatorFeature", throwOnError: true)!.CustomAttributes
            .Should().NotContain(a => a.AttributeType.Name == "CollectionAttribute", "features without the tag run in parallel");
    }
}
