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
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static async Task<IBrowser> GetAsync(SuiteSettings settings)
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true }) return _browser;
            if (!File.Exists(settings.BrowserPath))
                throw new InvalidOperationException(
                    $"No browser at {settings.BrowserPath}. Install Debian's Chromium (`sudo apt-get install -y chromium`) " +
                    "or point NETRA_BROWSER_PATH at a Chromium or Chrome executable.");

            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
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
            return _browser;
        }
        finally { Gate.Release(); }
    }

    public static async Task StopAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _browser = null;
        _playwright = null;
    }
}
