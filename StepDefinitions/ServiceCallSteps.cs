namespace Netra.Acceptance.StepDefinitions;

/// <summary>
/// What only Netra's own services may do — change a plan, ask about a token, deliver a user event — and
/// that a retried delivery counts once.
/// </summary>
[Binding]
public sealed class ServiceCallSteps(
    People people, AuthApi auth, BackendApi backend, PlanAdministration plans, TokenValidation validation,
    PlatformUserEvents platformEvents, UserEventRecords raisedEvents, PlatformRecords platformRecords, Attempts attempts)
{
    [When("these plan changes are tried:")]
    public async Task PlanChangesAreTried(DataTable changes)
    {
        foreach (var row in changes.Rows)
        {
            var customer = row["customer"] == "someone not known" ? null : people[row["customer"]];
            foreach (var attempt in await plans.TryToChangePlanAsync(row["who"], customer, row["plan"])) attempts.Add(attempt);
        }
    }

    [Then("each of them is refused, saying why")]
    public void EachIsRefused()
    {
        attempts.Made.Should().NotBeEmpty().And.OnlyContain(attempt => attempt.Expected != null, "each change tried is one the rules refuse");
        foreach (var attempt in attempts.Made) attempt.ShouldHaveGoneAsExpectedRevealingNothingOf();
    }

    [Then("the platform still has {word} on the {word} plan")]
    public async Task PlatformStillHasThePlan(string alias, string plan)
    {
        var person = people[alias];
        (await backend.ProfileOfAsync(person)).IsOn(plan).Should().BeTrue($"nothing that was refused or repeated may change {alias}'s plan on the platform");
        (await auth.AccountOfAsync(person)).IsOn(plan).Should().BeTrue("nor in the sign-in service");
    }

    [When("{word}'s upgrade to {word} reaches the platform a second time")]
    public async Task UpgradeArrivesAgain(string alias, string plan)
    {
        var changes = await raisedEvents.PlanChangesRaisedForAsync(people[alias]);
        changes.Should().HaveCountGreaterThanOrEqualTo(2, "the sign-in service raised one plan change per upgrade");
        // The first upgrade of the scenario is the one to the plan named here (the steps before made it first).
        await platformEvents.DeliverAgainAsync(people[alias], changes[0], plan);
    }

    [When("an older change of {word}'s plan, to {word}, reaches the platform late")]
    public async Task OlderChangeArrivesLate(string alias, string plan)
    {
        // An event of its own, raised just before the first upgrade: delivered after the newer ones, it is stale.
        var changes = await raisedEvents.PlanChangesRaisedForAsync(people[alias]);
        await platformEvents.DeliverStaleAsync(people[alias], plan, changes[0].RaisedAt);
    }

    [Then("what the platform holds for {word} is shown to no one without the service credentials")]
    public async Task HoldingsGuarded(string alias)
    {
        foreach (var attempt in await platformRecords.TryAsImpostorsAsync(people[alias]))
            attempt.ShouldHaveGoneAsExpectedRevealingNothingOf(people[alias].Email);
    }

    [Then("the platform has applied each of {word}'s plan changes once")]
    public async Task AppliedEachOnce(string alias)
    {
        var raised = (await raisedEvents.PlanChangesRaisedForAsync(people[alias])).Select(e => e.EventId).ToList();
        var applied = (await platformRecords.OfAsync(people[alias])).EventsApplied!.Select(e => e.EventId).Where(raised.Contains);
        applied.Should().BeEquivalentTo(raised, $"each plan change the sign-in service raised for {alias} is applied exactly once");
    }

    [Then("a plan change for {word} sent to the platform by someone without the service credentials is refused and changes nothing")]
    public async Task StrangersEventRefused(string alias)
    {
        var before = (await backend.ProfileOfAsync(people[alias])).PlanTier;
        foreach (var attempt in await platformEvents.TryAsImpostorsAsync(people[alias], "free")) attempt.ShouldHaveGoneAsExpected();
        (await backend.ProfileOfAsync(people[alias])).PlanTier.Should().Be(before, "a refused event changes nothing");
    }

    [When("a Netra service asks the sign-in service about {word}'s token")]
    public async Task NetraServiceAsks(string alias) => attempts.Add(await validation.AskAboutAsync(people[alias]));

    [Then("it is told {word}'s token is valid and whose it is")]
    public void ToldWhoseItIs(string alias)
    {
        var verdict = attempts.Made[^1].Answer.As<TokenVerdict>();
        (verdict.Valid, verdict.UserId, verdict.Email).Should().Be((true, people[alias].UserId, people[alias].Email), "the answer names the token's user");
    }

    [Then("a caller without the service credentials, or with a secret that only looks like them, is told nothing about {word}'s token")]
    public async Task OthersAreRefused(string alias)
    {
        foreach (var attempt in await validation.TryAsImpostorsAsync(people[alias]))
            attempt.ShouldHaveGoneAsExpectedRevealingNothingOf(people[alias].UserId!, people[alias].Email);
    }
}
