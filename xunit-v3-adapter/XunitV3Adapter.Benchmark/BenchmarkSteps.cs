using Reqnroll;

namespace XunitV3Adapter.Benchmark;

/// <summary>The scenarios' one step definition: the same trivial work as each fact.</summary>
[Binding]
public sealed class BenchmarkSteps
{
    [Given("step {int} of scenario {int}")]
    public void Step(int step, int scenario) => Work.Do(step + scenario);
}

public static class Work
{
    public static int Do(int n)
    {
        var sum = 0;
        for (var i = 0; i < 100; i++)
            sum += (n * i) % 7;
        return sum;
    }
}
