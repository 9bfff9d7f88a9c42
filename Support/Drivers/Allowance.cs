namespace Netra.Acceptance.Support.Drivers;

/// <summary>The allowance an answer announces to a signed-in customer: her plan's questions per window, what is left, when it resets.</summary>
public sealed record AllowanceAnnounced(int Limit, int Remaining, int? ResetSeconds);

/// <summary>The judgements of the rate limit: the allowance every answer announces, and being slowed down past it.</summary>
public static class AllowanceJudgements
{
    public static AllowanceAnnounced ShouldAnnounceAllowance(this ApiResponse answer,
        string because = "every answer to a signed-in customer announces her allowance")
    {
        var (limit, remaining, reset) = answer.Allowance;
        limit.Should().NotBeNull($"{because} (X-RateLimit-Limit), but it was {answer.Describe()}");
        remaining.Should().NotBeNull($"{because} (X-RateLimit-Remaining), but it was {answer.Describe()}");
        return new AllowanceAnnounced(limit!.Value, remaining!.Value, reset);
    }

    /// <summary>
    /// Slowed down past her allowance: refused as too many, told in a header and in words when to try again (within the
    /// plan's window), nothing left. Returns the seconds she was told to wait.
    /// </summary>
    public static int ShouldBeSlowedDown(this ApiResponse answer, string alias, TimeSpan rateWindow)
    {
        answer.ShouldBeRefused(Refusal.TooMany, $"{alias} asked more than her plan allows{NewWindowHint(answer, rateWindow)}");
        var seconds = answer.ShouldSayWhenToTryAgain("a slowed-down customer is told when to try again");
        seconds.Should().BeInRange(1, (int)Math.Ceiling(rateWindow.TotalSeconds), "the wait is within the plan's window");
        answer.Detail.Should().Contain($"try again in {seconds} seconds", "the refusal says, in words, how long to wait");
        answer.ShouldAnnounceAllowance().Remaining.Should().Be(0, "nothing is left in this window");
        return seconds;
    }

    /// <summary>When the extra question was answered as the first of a new window, say so: the run was slower than the window.</summary>
    private static string NewWindowHint(ApiResponse answer, TimeSpan rateWindow) =>
        answer.IsSuccess && answer.Allowance is { Limit: { } limit, Remaining: { } remaining } && remaining == limit - 1
            ? $"; it was answered as the first question of a new rate window, so her questions took longer than the test stack's " +
              $"{rateWindow.TotalSeconds:0} s window: the machine was too slow for that tuning (Support/Stack/TestStackTuning.cs)"
            : "";
}
