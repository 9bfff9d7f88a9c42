namespace Netra.Acceptance.Support.Drivers;

/// <summary>
/// "Soon after": asks again and again until the answer satisfies a condition or a deadline passes, and returns
/// the last answer either way, for the step to judge. For what a service offers no notification of. The only
/// polling loop of the suite.
/// </summary>
public static class Eventually
{
    /// <summary>For windows of a second or less, where 100 ms between questions would blur the measurement.</summary>
    public static readonly TimeSpan Often = TimeSpan.FromMilliseconds(50);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> ask, Func<T, bool> done, TimeSpan within, TimeSpan? every = null)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var answer = await ask();
            if (done(answer) || DateTime.UtcNow >= deadline) return answer;
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(100));
        }
    }
}
