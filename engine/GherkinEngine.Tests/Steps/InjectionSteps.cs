using System.Collections.Concurrent;
using FluentAssertions;

namespace GherkinEngine.Tests.Steps;

/// <summary>Created by the scenario container as a constructor dependency of both binding classes.</summary>
public sealed class SharedBasket : IDisposable
{
    public static readonly ConcurrentQueue<string> Log = new();

    public string? Item { get; set; }

    public void Dispose() => Log.Enqueue("basket");
}

[Binding]
public sealed class FirstInjectionSteps(SharedBasket basket, ScenarioContext context)
{
    [Given("the first binding class stores {string}")]
    public void GivenTheFirstBindingClassStores(string item)
    {
        SharedBasket.Log.Clear();
        SharedBasket.Log.Enqueue("first scenario ran");
        basket.Item = item;
        context.Set(item, "item");
    }
}

[Binding]
public sealed class SecondInjectionSteps(SharedBasket basket, ScenarioContext context, IReqnrollOutputHelper output) : IAsyncDisposable
{
    [Then("the second binding class sees {string}")]
    public void ThenTheSecondBindingClassSees(string item) => basket.Item.Should().Be(item);

    [Then("the second binding class sees nothing")]
    public void ThenTheSecondBindingClassSeesNothing() => basket.Item.Should().BeNull();

    [Then("the scenario context holds {string}")]
    public void ThenTheScenarioContextHolds(string item)
    {
        context.Get<string>("item").Should().Be(item);
        context.ScenarioInfo.Title.Should().Be("Binding classes share one instance per scenario");
        context.ScenarioInfo.Tags.Should().BeEmpty();
        context.ScenarioInfo.CombinedTags.Should().Equal("injection");
    }

    [Then("the output helper writes a line")]
    public void ThenTheOutputHelperWritesALine() => output.WriteLine("written through IReqnrollOutputHelper");

    [Then("the previous scenario's objects were disposed in reverse creation order")]
    public void ThenThePreviousObjectsWereDisposed()
    {
        // Only meaningful when the first scenario ran in this process (it does unless filtered out).
        if (SharedBasket.Log.TryPeek(out var first) && first == "first scenario ran")
            SharedBasket.Log.Should().Equal("first scenario ran", "second steps", "basket");
    }

    public ValueTask DisposeAsync()
    {
        SharedBasket.Log.Enqueue("second steps");
        return ValueTask.CompletedTask;
    }
}
