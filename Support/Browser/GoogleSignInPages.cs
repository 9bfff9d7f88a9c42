using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Netra.Acceptance.Support.Browser;

/// <summary>
/// "Continue with Google" on the login page, then the provider's own sign-in page (the local Google
/// stand-in: email, name, Sign in or Cancel), and the frontend's sign-in error page.
/// </summary>
public sealed class GoogleSignInPages(BrowserWindow browser)
{
    public async Task ContinueWithGoogleAsync(string email, string name, bool cancel = false)
    {
        var page = await browser.PageAsync();
        await page.GotoAsync("/login");
        // The page learns the auth service's address first; click only once the link leads there.
        await Expect(page.GetByTestId("login-google")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("provider=google"));
        await page.GetByTestId("login-google").ClickAsync();
        await Expect(page.GetByTestId("idp-email")).ToBeVisibleAsync();
        await page.GetByTestId("idp-email").FillAsync(email);
        await page.GetByTestId("idp-name").FillAsync(name);
        // The way back crosses the provider, the auth service and the website: allow it more than one page's time.
        await page.GetByTestId(cancel ? "idp-cancel" : "idp-signin").ClickAsync(new() { Timeout = 30_000 });
    }

    /// <summary>Waits until the sign-in has ended in the chat with its live connection up (three services' round trip).</summary>
    public async Task WaitForTheChatAsync()
    {
        var page = await browser.PageAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/chat$"), new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("main-chat")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15_000 });
    }

    /// <summary>Waits for the sign-in error page and returns what it says.</summary>
    public async Task<string> ErrorPageMessageAsync()
    {
        var page = await browser.PageAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/auth/error"), new() { Timeout = 30_000 });
        var banner = page.GetByTestId("error-banner");
        await Expect(banner).ToBeVisibleAsync();
        return await banner.InnerTextAsync();
    }
}
