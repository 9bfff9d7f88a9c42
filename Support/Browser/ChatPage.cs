using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Netra.Acceptance.Support.Browser;

/// <summary>The frontend's chat page, by its contract test hooks.</summary>
public sealed class ChatPage(BrowserWindow browser)
{
    /// <summary>
    /// How long the page may take to get its connection back: it retries with a growing pause
    /// (backoff, up to 30 s), so after an outage of some seconds the next attempt can be 10–20 s
    /// away. A deadline, not a delay: a reconnection ends the wait at once.
    /// </summary>
    private const float ReconnectDeadlineMs = 45_000;

    // "connected", but not "disconnected".
    private static readonly Regex Connected = new(@"\bconnected\b", RegexOptions.IgnoreCase);

    private int _answersBeforeLastQuestion;

    /// <summary>Waits until the page shows the chat with its live connection up.</summary>
    public async Task WaitUntilConnectedAsync()
    {
        var page = await browser.PageAsync();
        // Polls the address rather than waiting for a 'load' event the page may have fired already.
        await Expect(page).ToHaveURLAsync(new Regex("/chat$"));
        await Expect(page.GetByTestId("main-chat")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("connection-status")).ToHaveTextAsync(Connected, new() { Timeout = ReconnectDeadlineMs });
    }

    /// <summary>Logs out in a second tab of the same browser, leaving this tab as it is (it is not told).</summary>
    public async Task LogOutInAnotherTabAsync()
    {
        var tab = await browser.OpenAnotherTabAsync();
        await tab.GotoAsync("/logout");
        await Expect(tab).ToHaveURLAsync(new Regex("/login$"), new() { Timeout = 15_000 });
    }

    /// <summary>
    /// Waits until this tab's chat shows its connection ended because the session did (the platform's AUTH_FAILED, "session has
    /// ended"), with sending disabled. Only the platform can end the connection, so this waits as long as a revocation may take.
    /// </summary>
    public async Task WaitUntilEndedBySessionAsync()
    {
        var page = await browser.PageAsync();
        var revocationReach = (float)Drivers.ContractWindows.RevocationReach.TotalMilliseconds;
        await Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "disconnected", new() { Timeout = revocationReach });
        var banner = page.GetByTestId("error-banner");
        await Expect(banner).ToContainTextAsync("AUTH_FAILED");
        await Expect(banner).ToContainTextAsync("session has ended");
        await Expect(page.GetByTestId("send-button")).ToBeDisabledAsync();
    }

    public async Task AskAsync(string question)
    {
        var page = await browser.PageAsync();
        _answersBeforeLastQuestion = await page.GetByTestId("assistant-message").CountAsync();
        await page.GetByTestId("message-input").FillAsync(question);
        await page.GetByTestId("send-button").ClickAsync();
    }

    /// <summary>Waits for the agent's answer to the last question on screen (not an earlier one) and returns its text.</summary>
    public async Task<string> AnswerAsync()
    {
        var page = await browser.PageAsync();
        var answer = page.GetByTestId("assistant-message").Nth(_answersBeforeLastQuestion);
        await answer.WaitForAsync();
        return await answer.InnerTextAsync();
    }

    /// <summary>Waits until the page tells the user that something is wrong, and returns what it says.</summary>
    public async Task<string> NoticeAsync() => await (await browser.PageAsync()).ErrorBannerTextAsync();

    /// <summary>Waits until the notice has gone and the live connection is up again.</summary>
    public async Task WaitUntilNoticeGoneAsync()
    {
        var page = await browser.PageAsync();
        await Expect(page.GetByTestId("error-banner")).ToBeHiddenAsync(new() { Timeout = ReconnectDeadlineMs });
        await WaitUntilConnectedAsync();
    }

    /// <summary>Checks the page still shows this question and this answer.</summary>
    public async Task ShowsExchangeAsync(string question, string answer)
    {
        var page = await browser.PageAsync();
        await Expect(page.GetByTestId("user-message").Filter(new() { HasText = question }).First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("assistant-message").Filter(new() { HasText = answer }).First).ToBeVisibleAsync();
    }

    public async Task<IReadOnlyList<string>> UserMessagesAsync() =>
        await (await browser.PageAsync()).GetByTestId("user-message").AllInnerTextsAsync();

    /// <summary>
    /// Marks this page load and records every connection state the page shows from now on, so a
    /// later step can tell that the connection dropped and came back without a reload.
    /// </summary>
    public async Task StartWatchingConnectionAsync() =>
        await (await browser.PageAsync()).EvaluateAsync("""
            () => {
              window.__acceptanceWatch = { states: [] };
              const status = document.querySelector('[data-testid="connection-status"]');
              new MutationObserver(() => window.__acceptanceWatch.states.push(status.textContent.trim()))
                .observe(status, { childList: true, characterData: true, subtree: true });
            }
            """);

    public async Task<ConnectionWatch> ConnectionWatchAsync()
    {
        var watch = await (await browser.PageAsync()).EvaluateAsync<string[]?>("() => window.__acceptanceWatch?.states ?? null");
        return new ConnectionWatch(SamePage: watch is not null, StatesSeen: watch ?? []);
    }

    /// <summary>
    /// What the page made of the messages' text as markup: elements inside the messages (text shows none) and
    /// whether a script in them ran (it would set <see cref="HostileText.RanMarker"/> on the page).
    /// </summary>
    public async Task<(int ElementsInMessages, string? ScriptThatRan)> MarkupEffectsAsync()
    {
        var page = await browser.PageAsync();
        var elements = await page.Locator("[data-testid=user-message] *, [data-testid=assistant-message] *").CountAsync();
        var ran = await page.EvaluateAsync<string?>($"() => window.{HostileText.RanMarker} ?? null");
        return (elements, ran);
    }

    /// <summary>Nobody is signed in in this browser: no session is kept, and the chat sends the visitor to the login page.</summary>
    public async Task ShouldBeSignedOutAsync()
    {
        (await StoredAccessTokenAsync()).Should().BeNull("no session is left in the browser");
        var page = await browser.PageAsync();
        await page.GotoAsync("/chat");
        await Expect(page).ToHaveURLAsync(new Regex("/login$"), new() { Timeout = 15_000 });
    }

    /// <summary>The session the page keeps for the signed-in user, as the suite holds sessions.</summary>
    public async Task<Drivers.Session> StoredSessionAsync(Context.Person person)
    {
        var token = await StoredAccessTokenAsync();
        token.Should().NotBeNullOrEmpty("signing in leaves a Netra session in the browser");
        return Drivers.Session.FromTokens(token!, null, person);
    }

    /// <summary>The token the page keeps for the signed-in user (contract: localStorage jwt_token).</summary>
    public async Task<string?> StoredAccessTokenAsync() =>
        await (await browser.PageAsync()).EvaluateAsync<string?>("() => localStorage.getItem('jwt_token')");
}

/// <summary>What the page showed about its connection since the watch began; SamePage is false after a reload.</summary>
public sealed record ConnectionWatch(bool SamePage, IReadOnlyList<string> StatesSeen)
{
    /// <summary>The page showed its connection as anything but connected at some point (it noticed a drop).</summary>
    public bool SawItDrop => StatesSeen.Any(state => !state.Equals("connected", StringComparison.OrdinalIgnoreCase));
}
