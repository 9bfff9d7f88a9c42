using System.Diagnostics;
using Netra.Acceptance.Support.Performance;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>
/// Measures the platform's published targets as customers meet them, each as tasks done by many customers at once:
/// sign them up, connect them, have their sessions checked, make them visible, change their plans, answer their first
/// question. Every measurement is bounded (the customers of one scenario) and ends by itself; what it returns is the
/// samples with their target, for the step to judge and the report to show.
/// </summary>
public sealed class PlatformSpeed(
    EnvironmentContext environment, People people, AuthApi auth, BackendApi backend, PlanAdministration plans, ChatConnections chats)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(10);

    public PerformanceTargets Targets => environment.Environment.Settings.Targets;

    /// <summary>Signs up that many customers, side by side; they are the scenario's people "customer 1" … "customer n".</summary>
    public async Task<IReadOnlyList<Person>> SignUpCustomersAsync(int count)
    {
        var customers = Enumerable.Range(1, count).Select(i => people[$"customer-{i}"]).ToList();
        await Task.WhenAll(customers.Select(auth.SignUpAsync));
        return customers;
    }

    /// <summary>Every customer connects at once, twice: the first round warms the platform up, the second is measured.</summary>
    public async Task<Latencies> ConnectAllAtOnceAsync(IReadOnlyList<Person> customers)
    {
        await Task.WhenAll(customers.Select(chats.OpenAsync));
        return new("live connection opened and greeted", await Task.WhenAll(customers.Select(c => TimeAsync(() => chats.OpenAsync(c)))), Targets.Connect);
    }

    /// <summary>
    /// Each customer's session checked by each service five times, paced so that all of them together ask at the load's
    /// rate: a busy platform rather than a burst. A first, unmeasured round warms the services as serving customers would.
    /// </summary>
    public async Task<IReadOnlyList<Latencies>> CheckSessionsAsync(IReadOnlyList<Person> customers)
    {
        await Task.WhenAll(customers.Select(c => auth.MeAsync(c.AccessToken)).Concat(customers.Select(c => backend.ProfileAsync(c.AccessToken))));
        return
        [
            new Latencies("session checked by the sign-in service", await PacedAsync(customers, 5, c => auth.MeAsync(c.AccessToken)), Targets.TokenCheck),
            new Latencies("session checked by the platform", await PacedAsync(customers, 5, c => backend.ProfileAsync(c.AccessToken)), Targets.TokenCheck),
        ];
    }

    /// <summary>
    /// From the start of each sign-up until the platform knows her, all signing up at once. Timed from the start, not the
    /// answer: a sign-up that waits for its own delivery to the platform must not hide that wait.
    /// </summary>
    public async Task<Latencies> SignUpAndBecomeKnownAsync(int count)
    {
        var newcomers = Enumerable.Range(1, count).Select(i => people[$"newcomer-{i}"]).ToList();
        var samples = await Task.WhenAll(newcomers.Select(person => TimeAsync(async () =>
        {
            await auth.SignUpAsync(person);
            await UntilAsync(() => backend.ProfileAsync(person.AccessToken), p => p.IsSuccess, Targets.NewUserVisible * 10);
        })));
        return new Latencies("new customer known to the platform, from the start of her sign-up", samples, Targets.NewUserVisible);
    }

    /// <summary>From each plan change's answer until the platform applies it, all changed at once.</summary>
    public async Task<Latencies> UpgradeAndSeeItAppliedAsync(IReadOnlyList<Person> customers, string plan) =>
        new("plan change applied by the platform", await Task.WhenAll(customers.Select(async person =>
        {
            Succeeded(await plans.ChangePlanAsync(person.UserId!, plan));
            return await TimeAsync(() => UntilAsync(() => backend.ProfileAsync(person.AccessToken),
                p => p.IsSuccess && p.As<Profile>().IsOn(plan), Targets.PlanChangeVisible * 10));
        })), Targets.PlanChangeVisible);

    /// <summary>From the start of each sign-up to the agent's first answer: sign up, connect, ask, all at once.</summary>
    public async Task<Latencies> SignUpAndAskFirstQuestionAsync(int count)
    {
        var beginners = Enumerable.Range(1, count).Select(i => people[$"beginner-{i}"]).ToList();
        return new Latencies("first answer, from sign-up", await Task.WhenAll(beginners.Select(person => TimeAsync(async () =>
        {
            await auth.SignUpAsync(person);
            await chats.OpenAsync(person);
            var exchange = await chats.AskAndAwaitAsync(person, "Where does most of my cloud budget go?");
            if (!exchange.Answered) throw new InvalidOperationException($"The first question was not answered: {exchange.End.Raw}");
        }))), Targets.ColdStartToFirstAnswer);
    }

    /// <summary>How long the suite's own stack took to come up; null on an environment the suite did not start.</summary>
    public Latencies? StackStart() => environment.Environment.LocalStack is { } stack
        ? new Latencies("stack up, every service healthy and the platform ready", [stack.StartedIn], Targets.StackUp)
        : null;

    /// <summary>
    /// Each customer's call made that many times, all calls spread evenly at the load's rate (open loop: a slow answer does
    /// not hold the next call back). Each is measured from when it was due, so a platform that falls behind is seen to.
    /// </summary>
    private async Task<TimeSpan[]> PacedAsync(IReadOnlyList<Person> customers, int times, Func<Person, Task<ApiResponse>> call)
    {
        var every = TimeSpan.FromSeconds(1.0 / Targets.RequestsPerSecond);
        var clock = Stopwatch.StartNew();
        return await Task.WhenAll(Enumerable.Range(0, customers.Count * times).Select(async k =>
        {
            var due = every * k;
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            Succeeded(await call(customers[k % customers.Count]));
            return clock.Elapsed - due;
        }));
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return clock.Elapsed;
    }

    /// <summary>Asks until done (Eventually), giving up at ten times the target: a measurement that never ends is an error.</summary>
    private static async Task UntilAsync(Func<Task<ApiResponse>> ask, Func<ApiResponse, bool> done, TimeSpan giveUpAfter)
    {
        var last = await Eventually.UntilAsync(ask, done, giveUpAfter, PollEvery);
        if (!done(last))
            throw new TimeoutException($"Still not so after {giveUpAfter.TotalSeconds:0.#} s (ten times the target), last answered " +
                                       $"{last.Describe()}: the measurement gives up.");
    }

    private static ApiResponse Succeeded(ApiResponse answer) =>
        answer.IsSuccess ? answer : throw new InvalidOperationException($"A call of the measurement was answered {answer.Describe()}");
}
