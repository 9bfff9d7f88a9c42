namespace Netra.Acceptance.StepDefinitions;

/// <summary>Plans and their allowances: who is on which plan, bursts of questions, being slowed down.</summary>
[Binding]
public sealed class PlanSteps(
    People people, AuthApi auth, BackendApi backend, PlanAdministration plans, ChatConnections chats, EnvironmentContext environment)
{
    [Given("{word} is a customer on the {word} plan")]
    [Given("{word} is a customer on the {word} plan, who may ask many questions at once")]
    public async Task IsACustomerOnPlan(string alias, string plan)
    {
        await auth.SignUpAsync(people[alias]);
        var answer = await plans.PutOnPlanAsync(people[alias], plan);
        environment.Environment.AllowanceAnnounced(plan, answer.ShouldAnnounceAllowance().Limit);
    }

    [When("{word}'s plan is upgraded to {word}")]
    public Task PlanIsUpgraded(string alias, string plan) => plans.MoveToPlanAsync(people[alias], plan);

    /// <summary>The change is made in the sign-in service only; whether and when it reaches the platform is for a later step.</summary>
    [When("the sign-in service upgrades {word}'s plan to {word}")]
    public Task SignInServiceUpgradesThePlan(string alias, string plan) => plans.ChangePlanAsync(people[alias], plan);

    [Then("soon after, the platform has {word} on the {word} plan")]
    public async Task PlatformSoonHasThePlan(string alias, string plan) =>
        (await backend.ProfileOnceAsync(people[alias], p => p.IsOn(plan), ContractWindows.Redelivery)).PlanTier.Should().BeEquivalentTo(plan,
            $"the plan change must reach the platform within {ContractWindows.Redelivery.TotalSeconds:0}s of it being back");

    [When("{word} asks as many questions as the {word} plan allows in one rate window")]
    [Given("{word} has asked as many questions as the {word} plan allows in one rate window")]
    public async Task AsksTheWholeAllowance(string alias, string plan)
    {
        var allowance = AllowanceOf(plan);
        for (var i = 1; i <= allowance; i++) await backend.AskAsync(people[alias], $"Question {i} of {allowance}: where does my cloud budget go?");
    }

    [When("{word} asks as many questions as the {word} plan allows in one rate window, all at once")]
    public async Task AsksTheWholeAllowanceAtOnce(string alias, string plan) =>
        await Task.WhenAll(Enumerable.Range(1, AllowanceOf(plan))
            .Select(i => backend.AskAsync(people[alias], $"Question {i} of {AllowanceOf(plan)}: where does my cloud budget go?")));

    [When("{word} asks one more question")]
    [When("{word} asks a question")]
    public Task AsksOneMore(string alias) => backend.AskAsync(people[alias], "One more: how do I lower my latency?");

    [When("{word} and {word} each ask one question more than the {word} plan allows in one rate window")]
    public async Task BothAskOneMoreThanAllowed(string first, string second, string plan)
    {
        var questions = AllowanceOf(plan) + 1;
        // Side by side, as two customers would.
        await Task.WhenAll(Burst(first), Burst(second));

        async Task Burst(string alias)
        {
            for (var i = 1; i <= questions; i++) await backend.AskAsync(people[alias], $"Question {i} of {questions}: which workload costs the most?");
        }
    }

    [Then("each of {word}'s questions is answered and tells her/him/them how many she/he/they has/have left")]
    public void EveryOneAnsweredWithCountdown(string alias)
    {
        var answers = people[alias].ApiAnswers;
        var allowances = answers.Select(a => a.ShouldBeAnswered("every question within the allowance is answered").ShouldAnnounceAllowance()).ToList();
        allowances.Select(a => a.Limit).Should().AllBeEquivalentTo(answers.Count, "each answer announces the plan's allowance");
        allowances.Select(a => a.Remaining).Should().BeEquivalentTo(Enumerable.Range(0, answers.Count),
            "each answer says how many questions are left in the window, each question counted once");
    }

    [Then("the platform's other answers tell {word} the same")]
    public async Task OtherAnswersTellTheSame(string alias)
    {
        var allowance = (await backend.ProfileAsync(people[alias].AccessToken)).ShouldAnnounceAllowance(
            "every answer to a signed-in customer announces her allowance, not only the chat's");
        allowance.Limit.Should().Be(people[alias].ApiAnswers.Count, "the same allowance as her questions were told");
        allowance.Remaining.Should().Be(0, "and what is left of it: nothing, after her whole allowance");
        allowance.ResetSeconds.Should().BePositive("and when the window resets");
    }

    [Then("{word}'s next question is slowed down with a {string}")]
    public async Task NextQuestionIsSlowedDown(string alias, string _)
    {
        await AsksOneMore(alias);
        IsSlowedDown(alias, _);
    }

    [Then("{word} is slowed down with a {string}")]
    [Then("{word}'s last question is slowed down with a {string}")]
    public void IsSlowedDown(string alias, string _) =>
        people[alias].AnnouncedWaitSeconds = people[alias].LastApiAnswer.ShouldBeSlowedDown(alias, RateWindow);

    [Then("all of {word}'s questions are answered")]
    public void AllAnswered(string alias) =>
        people[alias].ApiAnswers.Should().NotBeEmpty().And.AllSatisfy(a =>
            a.ShouldBeAnswered($"{alias}'s plan allows more than this, so none of her questions is slowed down"));

    [Then("{word}'s question is answered, and she/he/they still has/have all but one of her/his/their {word} questions left")]
    public void AnsweredWithAllButOneLeft(string alias, string plan) =>
        people[alias].LastApiAnswer.ShouldBeAnswered($"another customer's burst must not slow {alias} down")
            .ShouldAnnounceAllowance().Remaining.Should().Be(AllowanceOf(plan) - 1, $"only {alias}'s own question counts against her allowance");

    [Then("{word}'s next question is answered, in the same session")]
    public async Task NextQuestionAnsweredSameSession(string alias)
    {
        await AsksOneMore(alias);
        people[alias].LastApiAnswer.ShouldBeAnswered("the upgrade lifts the limit without a new login");
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
        var told = await connection.WaitForFirstWordAsync();
        told.IsRateLimit.Should().BeTrue("she is over her allowance, so no run may start and she is told she is rate limited: " + told.Raw);
        told.RetryAfterSeconds.Should().BeInRange(1, (int)Math.Ceiling(RateWindow.TotalSeconds), "the connection says when to try again");
        people[alias].AnnouncedWaitSeconds = told.RetryAfterSeconds;
        await connection.CheckAsync();
        connection.CloseStatus.Should().BeNull("being slowed down does not cost her the connection");
    }

    [When("{word} waits as long as she/he/they was/were told")]
    public async Task WaitsAsTold(string alias) =>
        // The wait the service announced is the condition itself: nothing else would tell the window has passed.
        await Task.Delay(TimeSpan.FromSeconds(people[alias].AnnouncedWaitSeconds ?? throw new InvalidOperationException($"{alias} was told no wait.")));

    private TimeSpan RateWindow => environment.Environment.RateWindow;

    private int AllowanceOf(string plan) => environment.Environment.AllowanceOf(plan);
}
