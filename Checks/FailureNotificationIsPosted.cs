using System.Net;
using System.Text.Json.Nodes;
using Io.Cucumber.Messages.Types;
using Netra.Acceptance.Support.Reports;
using Xunit;

namespace Netra.Acceptance.Checks;

/// <summary>
/// The failure notice (NETRA_NOTIFY_WEBHOOK), posted to a listener on this machine as a team channel's webhook
/// would receive it: a red run posts its red journeys, whom they protect, their runbooks and where the report is;
/// a green run posts nothing; a webhook that refuses is said in words and does not throw.
/// </summary>
public sealed class FailureNotificationIsPosted
{
    private const string Report = "https://ci.example.test/runs/42";

    [Fact]
    public async Task A_red_run_posts_its_red_journeys_as_Slack_compatible_JSON()
    {
        await using var webhook = await LocalWebhook.StartAsync(HttpStatusCode.OK);
        var journeys = new[]
        {
            Journey("Sign up, log in and chat", "every new customer, on the first path they take ($100K+ MRR).", passed: 3, failed: 1),
            Journey("Every answer is billed exactly once", "the revenue of every answer.", passed: 4, failed: 0, skipped: 1),
        };

        var outcome = await FailureNotification.PostIfRedAsync(journeys, "unused.html", webhook.Url, Report, "staging",
            TestContext.Current.CancellationToken);

        outcome.Should().Be("Failure notice posted to NETRA_NOTIFY_WEBHOOK.");
        var posted = webhook.Received.Should().ContainSingle("one notice per run").Subject;
        posted.ContentType.Should().StartWith("application/json");
        posted.Length.Should().Be(System.Text.Encoding.UTF8.GetByteCount(posted.Body), "the notice is sent whole, with its length, not chunked");
        var message = JsonNode.Parse(posted.Body)!.AsObject();
        message["text"]!.GetValue<string>().Should().Contain("Sign up, log in and chat").And.Contain(Report)
            .And.NotContain("Every answer is billed exactly once", "only red journeys are named");
        var blocks = message["blocks"]!.AsArray();
        blocks[0]!["type"]!.GetValue<string>().Should().Be("header");
        blocks[0]!["text"]!["text"]!.GetValue<string>().Should().Be("Netra acceptance on staging: 1 journey is red");
        var red = blocks[1]!["text"]!["text"]!.GetValue<string>();
        red.Should().Contain("*Sign up, log in and chat*: 1 of 4 scenarios failed")
            .And.Contain("($100K+ MRR)", "the notice says which revenue the red journey protects")
            .And.Contain("docs/runbooks/sign-up-log-in-and-chat.md");
        blocks[2]!["text"]!["text"]!.GetValue<string>().Should().Contain("7 passed, 1 failed, 1 skipped").And.Contain($"<{Report}|");
    }

    [Fact]
    public async Task A_green_run_posts_nothing()
    {
        await using var webhook = await LocalWebhook.StartAsync(HttpStatusCode.OK);

        var outcome = await FailureNotification.PostIfRedAsync([Journey("Sign up, log in and chat", "", passed: 4, failed: 0, skipped: 2)],
            "report.html", webhook.Url, cancellationToken: TestContext.Current.CancellationToken);

        outcome.Should().BeNull();
        webhook.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_webhook_that_refuses_is_reported_in_words()
    {
        await using var webhook = await LocalWebhook.StartAsync(HttpStatusCode.Forbidden);

        var outcome = await FailureNotification.PostIfRedAsync([Journey("Sign up, log in and chat", "", passed: 0, failed: 1)],
            "report.html", webhook.Url, cancellationToken: TestContext.Current.CancellationToken);

        outcome.Should().StartWith("The failure notice was refused by NETRA_NOTIFY_WEBHOOK: 403");
        webhook.Received.Should().ContainSingle();
    }

    private static JourneyOverview.Journey Journey(string name, string protects, int passed, int failed, int skipped = 0)
    {
        var journey = new JourneyOverview.Journey(name, protects);
        var outcomes = Enumerable.Repeat(TestStepResultStatus.PASSED, passed)
            .Concat(Enumerable.Repeat(TestStepResultStatus.FAILED, failed))
            .Concat(Enumerable.Repeat(TestStepResultStatus.SKIPPED, skipped));
        foreach (var status in outcomes)
        {
            var run = journey.Start(new Timestamp(0, 0));
            run.Record(status);
            run.Finish(new Timestamp(1, 0), willBeRetried: false);
        }
        return journey;
    }

    /// <summary>A webhook on 127.0.0.1 that answers every post with one status and keeps what it received.</summary>
    private sealed class LocalWebhook : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _serving;

        private LocalWebhook(HttpStatusCode answer)
        {
            // The suite starts stacks on free ports beside this check: a port found free may be taken before the listener
            // binds it, so a taken one is tried again with another.
            for (var attempt = 1; ; attempt++)
            {
                Url = $"http://127.0.0.1:{Support.Stack.FreePort.Next()}/hooks/netra/";
                _listener.Prefixes.Clear();
                _listener.Prefixes.Add(Url);
                try
                {
                    _listener.Start();
                    break;
                }
                catch (HttpListenerException) when (attempt < 5) { }
            }
            _serving = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await _listener.GetContextAsync(); }
                    catch (System.Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                    using var reader = new StreamReader(context.Request.InputStream);
                    Received.Add((context.Request.ContentType ?? "", context.Request.ContentLength64, await reader.ReadToEndAsync()));
                    context.Response.StatusCode = (int)answer;
                    context.Response.Close();
                }
            });
        }

        public string Url { get; private set; } = "";
        public List<(string ContentType, long Length, string Body)> Received { get; } = [];

        public static Task<LocalWebhook> StartAsync(HttpStatusCode answer) => Task.FromResult(new LocalWebhook(answer));

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _serving;
        }
    }
}
