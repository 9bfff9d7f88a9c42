using System.Globalization;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>Answers and what they cost: the usage report against the contract's price.</summary>
[Binding]
public sealed class BillingSteps(People people, BackendApi backend, BillingApi billing)
{
    [When("{word} asks {int} question(s) and each/it is answered")]
    [Given("{word} has asked {int} question(s) and each was answered")]
    public async Task AsksAndEachIsAnswered(string alias, int count)
    {
        for (var i = 1; i <= count; i++)
            Answered(alias, await backend.AskAsync(people[alias], $"Question {i}: what should {alias} optimise next?"));
    }

    [When("{word} asks {int} questions at the same time and each is answered")]
    public async Task AsksAtTheSameTime(string alias, int count)
    {
        var answers = await Task.WhenAll(Enumerable.Range(1, count)
            .Select(i => backend.AskAsync(people[alias], $"Parallel question {i}: which of my workloads is the most expensive?")));
        answers.Select(a => Answered(alias, a).RunId).Should().OnlyHaveUniqueItems("each question is its own run");
    }

    [Then("{word}'s usage for this month shows:")]
    public async Task UsageShows(string alias, DataTable table)
    {
        var row = table.Rows.Single();
        var usage = await UsageOf(alias);
        usage.UserId.Should().Be(people[alias].UserId, "the usage is her own");
        new { usage.Runs, usage.PromptTokens, usage.CompletionTokens, usage.TotalTokens }.Should().BeEquivalentTo(new
        {
            Runs = long.Parse(row["answers"], CultureInfo.InvariantCulture),
            PromptTokens = long.Parse(row["prompt tokens"], CultureInfo.InvariantCulture),
            CompletionTokens = long.Parse(row["completion tokens"], CultureInfo.InvariantCulture),
            TotalTokens = long.Parse(row["tokens"], CultureInfo.InvariantCulture),
        }, "each completed answer is billed exactly once, for the tokens the language model reported, and nothing else is");
    }

    [Then(@"^(\w+) is charged \$(\d+\.\d\d) for the tokens plus a \$(\d+\.\d\d) performance fee, \$(\d+\.\d\d) in total$")]
    public async Task IsCharged(string alias, decimal cost, decimal fee, decimal total)
    {
        var usage = await UsageOf(alias);
        var contract = Price.For(usage.TotalTokens);
        (Cents(cost), Cents(fee), Cents(total)).Should().Be(contract,
            $"the feature's amounts follow the contract's price for {usage.TotalTokens} tokens ($0.15 per 1,000, a 20% fee, rounded half up on the period)");
        (usage.CostCents, usage.PerformanceFeeCents, usage.TotalCents).Should().Be(contract, "the platform charges the contract's price");
    }

    [Then("{word} is billed for exactly {int} answer(s)")]
    public async Task BilledForExactly(string alias, int answers) =>
        (await UsageOf(alias)).Runs.Should().Be(answers, "only answers that were delivered and kept are billed, each once");

    private ChatAnswer Answered(string alias, ApiResponse answer)
    {
        var answered = answer.ShouldBeAnswered($"{alias}'s question is answered").As<ChatAnswer>();
        var expected = people[alias].Expected;
        answered.Usage.Should().Be(new TokenUsage(expected.PromptTokens, expected.CompletionTokens), "the answer reports the language model's token counts");
        return answered;
    }

    private Task<UsageReport> UsageOf(string alias) => billing.UsageOfAsync(people[alias]);

    private static long Cents(decimal dollars) => (long)(dollars * 100m);
}
