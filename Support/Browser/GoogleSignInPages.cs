using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Netra.Acceptance.Support.Browser;

/// <summary>
/// "Continue with Google" on the login page, then the provider's own sign-in page (the local Google
/// stand-in: email, name, Sign in or Cancel), and the frontend's sign-in error page.
/// </summary>
public sealed class GoogleSignInPages(BrowserSession browser)
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
        await page.GetByTestId(cancel ? "idp-cancel" : "idp-signin").ClickAsync();
    }

    /// <summary>Waits for the sign-in error page and returns what it says.</summary>
    public async Task<string> ErrorPageMessageAsync()
    {
        var page = await browser.PageAsync();
        await page.WaitForURLAsync("**/auth/error**");
        var banner = page.GetByTestId("error-banner");
        await Expect(banner).ToBeVisibleAsync();
        return await banner.InnerTextAsync();
    }
}
