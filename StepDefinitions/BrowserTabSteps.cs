using Netra.Acceptance.Support.Browser;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>Several tabs of one person's browser.</summary>
[Binding]
public sealed class BrowserTabSteps(ChatPage chat)
{
    [When("{word} logs out in another tab of her/his/their browser")]
    public Task LogsOutInAnotherTab(string alias) => chat.LogOutInAnotherTabAsync();

    [Then("the chat in {word}'s first tab is disconnected because her/his/their session has ended")]
    public Task FirstTabDisconnected(string alias) =>
        // The first tab was not told about the logout: only the platform can end its connection.
        chat.WaitUntilEndedBySessionAsync();
}
