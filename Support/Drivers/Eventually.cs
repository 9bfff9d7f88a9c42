namespace Netra.Acceptance.Support.Drivers;

/// <summary>
/// "Soon after": asks again and again until the answer satisfies a condition or a deadline passes, and returns
/// the last answer either way, for the step to judge. For what a service offers no notification of.
/// </summary>
public static class Eventually
{
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
