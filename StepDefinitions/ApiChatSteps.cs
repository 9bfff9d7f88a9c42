using System.Net;

namespace Netra.Acceptance.StepDefinitions;

/// <summary>Asking the agent through Netra's API (one request, one complete answer), as customers' own tools do.</summary>
[Binding]
public sealed class ApiChatSteps(People people, BackendApi backend, ChatExchanges exchanges)
{
    [When("{word} asks the agent {string} through the API")]
    public async Task AsksThroughTheApi(string alias, string question) =>
        exchanges.Of(alias).Add(await backend.SendChatMessageAsync(people[alias].AccessToken, question));

    [Then("{word} is told the platform is temporarily unavailable and to try again shortly")]
    public void ToldTemporarilyUnavailable(string alias)
    {
        var answer = exchanges.LastOf(alias);
        answer.Status.Should().Be(HttpStatusCode.ServiceUnavailable,
            $"a platform without its database is unavailable, not broken (it answered: {answer.Detail})");
        answer.Detail.Should().ContainEquivalentOf("unavailable", "she is told in words what is wrong");
        answer.Headers.Should().ContainKey("Retry-After", "she is told when to try again");
    }
}
