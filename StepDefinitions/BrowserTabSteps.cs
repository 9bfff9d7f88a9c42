using Microsoft.Playwright;
using Netra.Acceptance.Support.Browser;
using static Microsoft.Playwright.Assertions;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>Several tabs of one person's browser.</summary>
[Binding]
public sealed class BrowserTabSteps(BrowserWindow browser)
{
    [When("{word} logs out in another tab of her/his/their browser")]
    public async Task LogsOutInAnotherTab(string alias)
    {
        var tab = await browser.OpenAnotherTabAsync();
        await tab.GotoAsync("/logout");
        await Expect(tab).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login$"), new() { Timeout = 15_000 });
    }

    [Then("the chat in {word}'s first tab is disconnected because her/his/their session has ended")]
    public async Task FirstTabDisconnected(string alias)
    {
        // The first tab was not told about the logout: only the platform can end its connection.
        var first = await browser.PageAsync();
        await Expect(first.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "disconnected", new() { Timeout = 16_000 });
        var banner = first.GetByTestId("error-banner");
        await Expect(banner).ToContainTextAsync("AUTH_FAILED");
        (await banner.InnerTextAsync()).Should().Contain("session has ended");
        await Expect(first.GetByTestId("send-button")).ToBeDisabledAsync();
    }
}
