using Microsoft.Playwright;
using Netra.Acceptance.Support.Stack;

namespace Netra.Acceptance.Support.Browser;

/// <summary>
/// One Chromium for the whole run (started on first use, closed after the run); each scenario
/// gets its own browser context, so cookies and storage never leak between scenarios.
/// Browsers cannot be downloaded here: it drives the system's Chromium.
/// </summary>
public static class BrowserHost
{
    private static readonly Lock Gate = new();
    private static IPlaywright? _playwright;
    private static Task<IBrowser>? _launch;

    /// <summary>
    /// Starts Chromium in the background (it takes seconds), so it overlaps with the services'
    /// startup. A failure is not thrown here: it surfaces in the browser scenarios that need it.
    /// </summary>
    public static void WarmUp(SuiteSettings settings) => _ = Launch(settings).ContinueWith(
        t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);

    public static Task<IBrowser> GetAsync(SuiteSettings settings) => Launch(settings);

    private static Task<IBrowser> Launch(SuiteSettings settings)
    {
        lock (Gate) return _launch ??= LaunchAsync(settings);
    }

    private static async Task<IBrowser> LaunchAsync(SuiteSettings settings)
    {
        if (!File.Exists(settings.BrowserPath))
            throw new InvalidOperationException(
                $"No browser at {settings.BrowserPath}. Install Debian's Chromium (`sudo apt-get install -y chromium`) " +
                "or point NETRA_BROWSER_PATH at a Chromium or Chrome executable.");

        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = settings.BrowserPath,
            Headless = !settings.Headed,
            // The machine has no outside network: without these Chromium keeps trying to reach Google.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-quic",
            ],
        });
    }

    public static async Task StopAsync()
    {
        Task<IBrowser>? launch;
        lock (Gate) (launch, _launch) = (_launch, null);
        if (launch is { IsCompletedSuccessfully: false }) await launch.ContinueWith(_ => { });
        if (launch is { IsCompletedSuccessfully: true }) await launch.Result.CloseAsync();
        _playwright?.Dispose();
        _playwright = null;
    }
}
