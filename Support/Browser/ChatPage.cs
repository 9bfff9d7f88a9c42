using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Netra.Acceptance.Support.Browser;

/// <summary>The frontend's chat page, by its contract test hooks.</summary>
public sealed class ChatPage(BrowserSession browser)
{
    /// <summary>Waits until the page shows the chat with its live connection up.</summary>
    public async Task WaitUntilConnectedAsync()
    {
        var page = await browser.PageAsync();
        await page.WaitForURLAsync("**/chat");
        await Expect(page.GetByTestId("main-chat")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("connection-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("connected", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
    }

    public async Task AskAsync(string question)
    {
        var page = await browser.PageAsync();
        await page.GetByTestId("message-input").FillAsync(question);
        await page.GetByTestId("send-button").ClickAsync();
    }

    /// <summary>Waits for the agent's answer on screen and returns its text.</summary>
    public async Task<string> AnswerAsync()
    {
        var page = await browser.PageAsync();
        var answer = page.GetByTestId("assistant-message").Last;
        await answer.WaitForAsync();
        return await answer.InnerTextAsync();
    }

    public async Task<IReadOnlyList<string>> UserMessagesAsync() =>
        await (await browser.PageAsync()).GetByTestId("user-message").AllInnerTextsAsync();

    public async Task<string> AgentStatusAsync() =>
        await (await browser.PageAsync()).GetByTestId("agent-status").InnerTextAsync();

    /// <summary>The token the page keeps for the signed-in user (contract: localStorage jwt_token).</summary>
    public async Task<string?> StoredAccessTokenAsync() =>
        await (await browser.PageAsync()).EvaluateAsync<string?>("() => localStorage.getItem('jwt_token')");
}
