using Microsoft.Playwright;

namespace Netra.Acceptance.Support.Browser;

/// <summary>The frontend's sign-up page, by its contract test hooks.</summary>
public sealed class SignupPage(BrowserWindow browser)
{
    /// <summary>Fills in her own name, email and password and sends the form (whether it worked is for the next step).</summary>
    public Task SignUpAsync(Context.Person person) => SignUpAsync(person.FullName, person.Email, person.Password);

    public async Task SignUpAsync(string name, string email, string password)
    {
        var page = await browser.PageAsync();
        await page.GotoAsync("/signup");
        await page.GetByTestId("signup-name").FillAsync(name);
        await page.GetByTestId("signup-email").FillAsync(email);
        await page.GetByTestId("signup-password").FillAsync(password);
        await page.GetByTestId("signup-submit").ClickAsync();
    }

    /// <summary>Waits for the page's error banner and returns what it says.</summary>
    public async Task<string> ErrorAsync() => await (await browser.PageAsync()).ErrorBannerTextAsync();
}
