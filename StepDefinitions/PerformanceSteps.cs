using Netra.Acceptance.Support.Performance;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>The platform's published performance targets, measured with a bounded load; the figures and a chart go to the report.</summary>
[Binding]
public sealed class PerformanceSteps(PlatformSpeed speed, PerformanceReport report, Measurements measured)
{
    [Given("as many customers as the load allows are signed in")]
    public async Task CustomersSignedIn() => measured.Customers = await speed.SignUpCustomersAsync(speed.Targets.Customers);

    [When("they all open their live connection at the same time")]
    public async Task AllConnect() => measured.Made.Add(await speed.ConnectAllAtOnceAsync(measured.Customers));

    [When("every service checks each of their sessions, at the rate the load allows")]
    public async Task SessionsChecked() => measured.Made.AddRange(await speed.CheckSessionsAsync(measured.Customers));

    [When("as many people as the load allows sign up at the same time")]
    public async Task SignUpAtOnce() => measured.Made.Add(await speed.SignUpAndBecomeKnownAsync(speed.Targets.Customers));

    [When("all their plans are upgraded to {word} at the same time")]
    public async Task PlansUpgraded(string plan) => measured.Made.Add(await speed.UpgradeAndSeeItAppliedAsync(measured.Customers, plan));

    [When("a few new customers each sign up and ask their first question at the same time")]
    public async Task FirstQuestions() => measured.Made.Add(await speed.SignUpAndAskFirstQuestionAsync(Math.Min(5, speed.Targets.Customers)));

    [When("the suite has started its own Netra")]
    public void StackStarted() =>
        measured.Made.Add(speed.StackStart()
            ?? LeftOut.Because<Latencies>("Left out on an environment the suite did not start: how long a stack takes to come up is measured on the suite's own."));

    [Then("95 in 100 of them are within the target, and the report shows the figures")]
    public void WithinTheTarget()
    {
        measured.Made.ForEach(report.Show);
        measured.Made.Should().NotBeEmpty().And.AllSatisfy(m => m.P95.Should().BeLessThanOrEqualTo(m.Target.TotalMilliseconds,
            $"the published target: {m.Summary()} (targets: NETRA_TARGET_*_MS)"));
    }
}
