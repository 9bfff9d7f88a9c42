namespace Netra.Acceptance.Support.Browser;

/// <summary>The frontend's login page, by its contract test hooks.</summary>
public sealed class LoginPage(BrowserWindow browser)
{
    public async Task LogInAsync(string email, string password)
    {
        var page = await browser.PageAsync();
        await page.GotoAsync("/login");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
    }

}
