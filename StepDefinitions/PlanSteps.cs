using System.Net;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>Plans and their allowances: who is on which plan, bursts of questions, being slowed down.</summary>
[Binding]
public sealed class PlanSteps(
    People people, AuthApi auth, BackendApi backend, PlanAdministration plans, ChatExchanges exchanges,
    ChatConnections chats, EnvironmentContext environment)
{
    /// <summary>The contract: a new user is visible in the backend within one second of signing up.</summary>
    private static readonly TimeSpan UserConsistency = TimeSpan.FromSeconds(1);

    /// <summary>The contract: a plan change is visible within 500 ms.</summary>
    private static readonly TimeSpan PlanConsistency = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a user event may take when the platform was down: the sign-in service retries with backoff.</summary>
    private static readonly TimeSpan RedeliveryWindow = TimeSpan.FromSeconds(15);

    [Given("{word} is a customer on the {word} plan")]
    [Given("{word} is a customer on the {word} plan, who may ask many questions at once")]
    public async Task IsACustomerOnPlan(string alias, string plan)
    {
        var person = people[alias];
        var signedUp = await auth.SignUpAsync(person);
        signedUp.IsSuccess.Should().BeTrue($"{alias} signs up with a fresh email and a strong password, but the auth service answered {signedUp.Status}: {signedUp.Detail}");

        var profile = await backend.ProfileWhenKnownAsync(person.AccessToken, UserConsistency);
        profile.IsSuccess.Should().BeTrue($"the platform must know {alias} within a second of sign-up, but answered {profile.Status}: {profile.Detail}");
        if (!string.Equals(profile["plan_tier"], plan, StringComparison.OrdinalIgnoreCase))
            profile = await ChangePlanAsync(alias, plan);
        environment.Environment.AllowanceAnnounced(plan, Header(profile, "X-RateLimit-Limit"));
    }

    [When("{word}'s plan is upgraded to {word}")]
    public Task PlanIsUpgraded(string alias, string plan) => ChangePlanAsync(alias, plan);

    /// <summary>The change is made in the sign-in service only; whether and when it reaches the platform is for a later step.</summary>
    [When("the sign-in service upgrades {word}'s plan to {word}")]
    public async Task SignInServiceUpgradesThePlan(string alias, string plan)
    {
        var changed = await plans.ChangePlanAsync(people[alias].UserId!, plan);
        changed.IsSuccess.Should().BeTrue($"the auth service changes {alias}'s plan to {plan}, but answered {changed.Status}: {changed.Detail}");
    }

    [Then("soon after, the platform has {word} on the {word} plan")]
    public async Task PlatformSoonHasThePlan(string alias, string plan)
    {
        var token = people[alias].AccessToken;
        var profile = await Eventually.UntilAsync(() => backend.ProfileAsync(token),
            p => string.Equals(p["plan_tier"], plan, StringComparison.OrdinalIgnoreCase), RedeliveryWindow);
        profile["plan_tier"].Should().BeEquivalentTo(plan, $"the plan change must reach the platform within {RedeliveryWindow.TotalSeconds:0}s of it being back ({profile.Status} {profile.Detail})");
    }

    [When("{word} asks as many questions as the {word} plan allows in one rate window")]
    [Given("{word} has asked as many questions as the {word} plan allows in one rate window")]
    public async Task AsksTheWholeAllowance(string alias, string plan)
    {
        var allowance = AllowanceOf(plan);
        for (var i = 1; i <= allowance; i++) await AskAsync(alias, $"Question {i} of {allowance}: where does my cloud budget go?");
    }

    [When("{word} asks as many questions as the {word} plan allows in one rate window, all at once")]
    public async Task AsksTheWholeAllowanceAtOnce(string alias, string plan)
    {
        var allowance = AllowanceOf(plan);
        var token = people[alias].AccessToken;
        var answers = await Task.WhenAll(Enumerable.Range(1, allowance)
            .Select(i => backend.SendChatMessageAsync(token, $"Question {i} of {allowance}: where does my cloud budget go?")));
        exchanges.Of(alias).AddRange(answers);
    }

    [When("{word} asks one more question")]
    [When("{word} asks a question")]
    public Task AsksOneMore(string alias) => AskAsync(alias, "One more: how do I lower my latency?");

    [When("{word} and {word} each ask one question more than the {word} plan allows in one rate window")]
    public async Task BothAskOneMoreThanAllowed(string first, string second, string plan)
    {
        var questions = AllowanceOf(plan) + 1;
        // Side by side, as two customers would.
        await Task.WhenAll(Burst(first), Burst(second));

        async Task Burst(string alias)
        {
            for (var i = 1; i <= questions; i++) await AskAsync(alias, $"Question {i} of {questions}: which workload costs the most?");
        }
    }

    [Then("each of {word}'s questions is answered and tells her/him/them how many she/he/they has/have left")]
    public void EveryOneAnsweredWithCountdown(string alias)
    {
        var answers = exchanges.Of(alias);
        var allowance = answers.Count;
        answers.Should().AllSatisfy(a => a.Status.Should().Be(HttpStatusCode.OK, $"every question within the allowance is answered ({a.Detail})"));
        answers.Select(a => Header(a, "X-RateLimit-Limit")).Should().AllBeEquivalentTo(allowance, "each answer announces the plan's allowance");
        answers.Select(a => Header(a, "X-RateLimit-Remaining")).Should().BeEquivalentTo(Enumerable.Range(0, allowance),
            "each answer says how many questions are left in the window, each question counted once");
    }

    [Then("the platform's other answers tell {word} the same")]
    public async Task OtherAnswersTellTheSame(string alias)
    {
        var profile = await backend.ProfileAsync(people[alias].AccessToken);
        Header(profile, "X-RateLimit-Limit").Should().Be(exchanges.Of(alias).Count, "every answer to a signed-in customer announces her allowance, not only the chat's");
        Header(profile, "X-RateLimit-Remaining").Should().Be(0, "and what is left of it: nothing, after her whole allowance");
        Header(profile, "X-RateLimit-Reset").Should().BePositive("and when the window resets");
    }

    [Then("{word}'s next question is slowed down with a {string}")]
    public async Task NextQuestionIsSlowedDown(string alias, string _)
    {
        await AsksOneMore(alias);
        IsSlowedDown(alias, _);
    }

    [Then("{word} is slowed down with a {string}")]
    [Then("{word}'s last question is slowed down with a {string}")]
    public void IsSlowedDown(string alias, string _)
    {
        var refusal = exchanges.LastOf(alias);
        refusal.Status.Should().Be(HttpStatusCode.TooManyRequests, $"{alias} asked more than her plan allows ({refusal.Detail}){NewWindowHint(refusal)}");
        refusal.Headers.Should().ContainKey("Retry-After", "a slowed-down customer is told when to try again");
        var seconds = int.Parse(refusal.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture);
        seconds.Should().BeInRange(1, (int)Math.Ceiling(RateWindow.TotalSeconds), "the wait is within the plan's window");
        refusal.Detail.Should().Contain($"try again in {seconds} seconds", "the refusal says, in words, how long to wait");
        Header(refusal, "X-RateLimit-Remaining").Should().Be(0, "nothing is left in this window");
        exchanges.AnnouncedWaitSeconds[alias] = seconds;
    }

    /// <summary>When the extra question was answered as the first of a new window, say so: the run was slower than the window.</summary>
    private string NewWindowHint(ApiResponse answer) =>
        answer.IsSuccess && Header(answer, "X-RateLimit-Remaining") == Header(answer, "X-RateLimit-Limit") - 1
            ? $"; it was answered as the first question of a new rate window, so her questions took longer than the test stack's " +
              $"{RateWindow.TotalSeconds:0} s window: the machine was too slow for that tuning (Support/Stack/TestStackTuning.cs)"
            : "";

    [Then("all of {word}'s questions are answered")]
    public void AllAnswered(string alias) =>
        exchanges.Of(alias).Should().NotBeEmpty().And.AllSatisfy(a => a.Status.Should().Be(HttpStatusCode.OK,
            $"{alias}'s plan allows more than this, so none of her questions is slowed down ({a.Detail})"));

    [Then("{word}'s question is answered, and she/he/they still has/have all but one of her/his/their {word} questions left")]
    public void AnsweredWithAllButOneLeft(string alias, string plan)
    {
        var answer = exchanges.LastOf(alias);
        answer.Status.Should().Be(HttpStatusCode.OK, $"another customer's burst must not slow {alias} down ({answer.Detail})");
        Header(answer, "X-RateLimit-Remaining").Should().Be(AllowanceOf(plan) - 1, $"only {alias}'s own question counts against her allowance");
    }

    [Then("{word}'s next question is answered, in the same session")]
    public async Task NextQuestionAnsweredSameSession(string alias)
    {
        await AsksOneMore(alias);
        var answer = exchanges.LastOf(alias);
        answer.Status.Should().Be(HttpStatusCode.OK, $"the upgrade lifts the limit without a new login ({answer.Detail})");
    }

    [Then("the {word} plan allows more questions than the plan below it")]
    public void AllowsMoreThanThePlanBelow(string plan)
    {
        var plans = environment.Environment.Plans;
        var index = plans.ToList().FindIndex(p => p.Equals(plan, StringComparison.OrdinalIgnoreCase));
        if (index > 0)
            AllowanceOf(plan).Should().BeGreaterThan(AllowanceOf(plans[index - 1]), $"the {plan} plan costs more than the {plans[index - 1]} plan");
    }

    [Then("{word} is told on her/his/their live connection to try again in N seconds, and stays connected")]
    public async Task ToldOnTheConnection(string alias)
    {
        var connection = chats.Of(people[alias]);
        var error = await connection.WaitForAsync(e => e.Type == "error" || SocketMessage.RunEventTypes.Contains(e.Type), "the answer to her question");
        error.Type.Should().Be("error", "she is over her allowance, so no run may start: " + error.Raw);
        error["code"].Should().Be("RATE_LIMITED");
        var seconds = error.Payload["retry_after"]?.GetValue<int>() ?? 0;
        seconds.Should().BeInRange(1, (int)Math.Ceiling(RateWindow.TotalSeconds), "the connection says when to try again");
        exchanges.AnnouncedWaitSeconds[alias] = seconds;

        await connection.SendAsync("ping", new { });
        await connection.WaitForAsync("pong");
        connection.CloseStatus.Should().BeNull("being slowed down does not cost her the connection");
    }

    [When("{word} waits as long as she/he/they was/were told")]
    public async Task WaitsAsTold(string alias)
    {
        // The wait the service announced is the condition itself: nothing else would tell the window has passed.
        await Task.Delay(TimeSpan.FromSeconds(exchanges.AnnouncedWaitSeconds[alias]));
    }

    private TimeSpan RateWindow => environment.Environment.RateWindow;

    private async Task AskAsync(string alias, string question) =>
        exchanges.Of(alias).Add(await backend.SendChatMessageAsync(people[alias].AccessToken, question));

    /// <summary>Changes the plan in the sign-in service and waits until the platform has it; returns the platform's profile then.</summary>
    private async Task<ApiResponse> ChangePlanAsync(string alias, string plan)
    {
        var person = people[alias];
        var changed = await plans.ChangePlanAsync(person.UserId!, plan);
        changed.IsSuccess.Should().BeTrue($"the auth service changes {alias}'s plan to {plan}, but answered {changed.Status}: {changed.Detail}");

        var deadline = DateTime.UtcNow + PlanConsistency;
        while (true)
        {
            var profile = await backend.ProfileAsync(person.AccessToken);
            if (string.Equals(profile["plan_tier"], plan, StringComparison.OrdinalIgnoreCase)) return profile;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"The platform still has {alias} on the '{profile["plan_tier"]}' plan {PlanConsistency.TotalMilliseconds:0} ms after the change to '{plan}'.");
            await Task.Delay(25);
        }
    }

    private int AllowanceOf(string plan) => environment.Environment.AllowanceOf(plan);

    private static int Header(ApiResponse answer, string name)
    {
        answer.Headers.Should().ContainKey(name, $"every answer to a signed-in customer carries {name}");
        return int.Parse(answer.Headers[name], System.Globalization.CultureInfo.InvariantCulture);
    }
}
