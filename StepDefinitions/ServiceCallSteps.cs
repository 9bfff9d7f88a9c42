using System.Net;
using System.Text.Json.Nodes;

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
    private static readonly Dictionary<string, ServiceCaller[]> Callers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a Netra service"] = [ServiceCaller.NetraService],
        ["someone without the service credentials"] = [ServiceCaller.WithoutCredentials],
        ["someone with a secret that only looks like it"] = [ServiceCaller.WithShortenedSecret, ServiceCaller.WithExtendedSecret],
    };

    /// <summary>Callers trying to pass for a Netra service: no credentials, and secrets that only look like the real one.</summary>
    private static readonly ServiceCaller[] Impostors = [ServiceCaller.WithoutCredentials, ServiceCaller.WithShortenedSecret, ServiceCaller.WithExtendedSecret];

    [When("these plan changes are tried:")]
    public async Task PlanChangesAreTried(DataTable changes)
    {
        foreach (var row in changes.Rows)
        {
            var known = row["customer"] != "someone not known";
            var userId = known ? people[row["customer"]].UserId! : Guid.NewGuid().ToString();
            foreach (var caller in Callers[row["who"]])
            {
                var expected = caller != ServiceCaller.NetraService ? HttpStatusCode.Unauthorized
                    : !known ? HttpStatusCode.NotFound
                    : HttpStatusCode.UnprocessableEntity;
                attempts.Add($"{row["who"]} ({caller}) changing the plan of {row["customer"]} to {row["plan"]}",
                    await plans.ChangePlanAsync(userId, row["plan"], caller), expected);
            }
        }
    }

    [Then("each of them is refused, saying why")]
    public void EachIsRefused()
    {
        attempts.Made.Should().NotBeEmpty();
        foreach (var (attempt, expected) in attempts.Made)
        {
            attempt.Answer.Status.Should().Be(expected, $"{attempt.What} must be refused, but was answered {attempt.Answer.Describe()}");
            attempt.Answer.IsProblemWithDetail.Should().BeTrue($"the refusal of {attempt.What} must say why: {attempt.Answer.Describe()}");
        }
    }

    [Then("the platform still has {word} on the {word} plan")]
    public async Task PlatformStillHasThePlan(string alias, string plan)
    {
        var person = people[alias];
        var profile = await backend.ProfileAsync(person.AccessToken);
        profile["plan_tier"].Should().BeEquivalentTo(plan, $"nothing that was refused or repeated may change {alias}'s plan on the platform ({profile.Describe()})");
        var account = await auth.MeAsync(person.AccessToken);
        account["plan_tier"].Should().BeEquivalentTo(plan, $"nor in the sign-in service ({account.Describe()})");
    }

    [When("{word}'s upgrade to {word} reaches the platform a second time")]
    public async Task UpgradeArrivesAgain(string alias, string plan)
    {
        var person = people[alias];
        var changes = await PlanChangesRaisedFor(person);
        changes.Should().HaveCountGreaterThanOrEqualTo(2, "the sign-in service raised one plan change per upgrade");
        // The first upgrade of the scenario is the one to the plan named here (the steps before made it first).
        var again = new UserEventDelivery(changes[0].EventId, UserEventDelivery.PlanChanged, person.UserId!, person.Email, person.Name, plan, changes[0].RaisedAt);
        var answer = await platformEvents.DeliverAsync(again);
        answer.IsSuccess.Should().BeTrue($"a repeated delivery is answered as a success, so the sign-in service stops retrying it, but it was {answer.Describe()}");
    }

    [When("an older change of {word}'s plan, to {word}, reaches the platform late")]
    public async Task OlderChangeArrivesLate(string alias, string plan)
    {
        var person = people[alias];
        var changes = await PlanChangesRaisedFor(person);
        // An event of its own, raised just before the first upgrade: delivered after the newer ones, it is stale.
        var stale = new UserEventDelivery(Guid.NewGuid().ToString(), UserEventDelivery.PlanChanged, person.UserId!, person.Email, person.Name, plan,
            changes[0].RaisedAt.AddMilliseconds(-1));
        var answer = await platformEvents.DeliverAsync(stale);
        answer.IsSuccess.Should().BeTrue($"a late, older event is taken (and changes nothing), but it was {answer.Describe()}");
    }

    [Then("what the platform holds for {word} is shown to no one without the service credentials")]
    public async Task HoldingsGuarded(string alias)
    {
        foreach (var caller in Impostors)
        {
            var answer = await platformRecords.HeldForAsync(people[alias].UserId!, caller);
            answer.Status.Should().Be(HttpStatusCode.Unauthorized, $"what the platform holds for a user is for Netra's services only, but {caller} was answered {answer.Describe()}");
            answer["email"].Should().BeNull("a refused caller learns nothing about her");
        }
    }

    [Then("the platform has applied each of {word}'s plan changes once")]
    public async Task AppliedEachOnce(string alias)
    {
        var person = people[alias];
        var raised = await PlanChangesRaisedFor(person);
        var held = await platformRecords.HeldForAsync(person.UserId!);
        held.IsSuccess.Should().BeTrue($"the platform describes what it holds for {alias}: {held.Describe()}");
        var raisedIds = raised.Select(r => r.EventId).ToList();
        var applied = ((held.Body as JsonObject)?["events_applied"] as JsonArray ?? [])
            .Select(e => e?["event_id"]?.ToString()).Where(id => raisedIds.Contains(id!)).ToList();
        applied.Should().BeEquivalentTo(raisedIds, $"each plan change the sign-in service raised for {alias} is applied exactly once");
    }

    [Then("a plan change for {word} sent to the platform by someone without the service credentials is refused and changes nothing")]
    public async Task StrangersEventRefused(string alias)
    {
        var person = people[alias];
        var before = (await backend.ProfileAsync(person.AccessToken))["plan_tier"];
        foreach (var caller in Impostors)
        {
            var forged = new UserEventDelivery(Guid.NewGuid().ToString(), UserEventDelivery.PlanChanged, person.UserId!, person.Email, person.Name, "free");
            var answer = await platformEvents.DeliverAsync(forged, caller);
            answer.Status.Should().Be(HttpStatusCode.Unauthorized, $"a user event from {caller} must be refused, but was answered {answer.Describe()}");
        }
        (await backend.ProfileAsync(person.AccessToken))["plan_tier"].Should().Be(before, "a refused event changes nothing");
    }

    [When("a Netra service asks the sign-in service about {word}'s token")]
    public async Task NetraServiceAsks(string alias)
    {
        var (valid, answer) = await validation.AskAsync(people[alias].AccessToken);
        valid.Should().BeTrue($"the sign-in service's own, live token is valid, but it answered {answer.Describe()}");
        attempts.Add($"a Netra service asking about {alias}'s token", answer, HttpStatusCode.OK);
    }

    [Then("it is told {word}'s token is valid and whose it is")]
    public void ToldWhoseItIs(string alias)
    {
        var person = people[alias];
        var answer = attempts.Made[^1].Attempt.Answer;
        answer["user_id"].Should().Be(person.UserId, "the answer names the token's user");
        answer["email"].Should().Be(person.Email);
    }

    [Then("a caller without the service credentials, or with a secret that only looks like them, is told nothing about {word}'s token")]
    public async Task OthersAreRefused(string alias)
    {
        var token = people[alias].AccessToken;
        foreach (var caller in Impostors)
        {
            var (valid, answer) = await validation.AskAsync(token, caller);
            answer.Status.Should().Be(HttpStatusCode.Unauthorized, $"only Netra's services may ask about a token, but {caller} was answered {answer.Describe()}");
            valid.Should().NotBe(true, "a refused caller learns nothing about the token");
        }
    }

    private async Task<List<(string EventId, DateTimeOffset RaisedAt)>> PlanChangesRaisedFor(Person person)
    {
        var raised = await raisedEvents.RaisedForAsync(person.UserId!);
        raised.IsSuccess.Should().BeTrue($"the sign-in service lists the events it raised: {raised.Describe()}");
        return ((raised.Body as JsonObject)?["events"] as JsonArray ?? [])
            .Where(e => e?["type"]?.ToString() == UserEventDelivery.PlanChanged)
            .Select(e => (e!["event_id"]!.ToString(), DateTimeOffset.Parse(e["raised_at"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }
}
