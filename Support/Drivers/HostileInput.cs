using System.Diagnostics;
using System.Globalization;
using System.Text;
using Netra.Acceptance.Support.Evidence;
using Netra.Acceptance.Support.Hostile;
using Netra.Acceptance.Support.Security;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>A hostile case that was not answered as it must be: the case, what came back, and why that is wrong.</summary>
public sealed record HostileFinding(string Case, string Answer, string Why)
{
    public override string ToString() => $"{Case}\n    answered: {Answer}\n    wrong because: {Why}";
}

/// <summary>What a sweep sent and what it found.</summary>
public sealed record HostileSweep(string What, int Cases, IReadOnlyList<HostileFinding> Findings, IReadOnlyDictionary<string, int> CasesByTarget, TimeSpan Took)
{
    public string Summary() =>
        string.Create(CultureInfo.InvariantCulture, $"{What}: {Cases} cases in {Took.TotalSeconds:0.0} s, {Findings.Count} answered wrongly\n") +
        string.Join("", CasesByTarget.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"  {t.Value,4}  {t.Key}\n"));

    /// <summary>Writes the sweep's cases per endpoint and what it found into the folder, as a file the report links; its path.</summary>
    public string WriteSummary(string folder)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{What.Replace(' ', '-')}.txt");
        File.WriteAllText(file, Summary() + (Findings.Count == 0 ? "" : "\nAnswered wrongly:\n" + HostileInput.Describe(Findings, int.MaxValue)));
        return file;
    }
}

/// <summary>
/// The hostile-input sweep, as tasks: send every hostile request to every endpoint, every hostile message on a live
/// connection, every frame no message could be; and what a customer has, to compare before and after. Judging each
/// answer lives here: never a 5xx, never silence, a refusal is problem+json with a detail, and what must be refused
/// is refused.
/// </summary>
public sealed class HostileInput(
    EnvironmentContext environment, ScenarioTranscript transcript, AccountsMade accounts, TokenForge forge,
    AuthApi auth, BackendApi backend, ConversationsApi conversations, BillingApi billing)
{
    private const int InParallel = 8;

    /// <summary>Everything of hers the sweep could change: her account, the platform's profile, her conversations, her usage.</summary>
    public async Task<string> WhatSheHasAsync(Person customer)
    {
        var token = customer.AccessToken;
        var parts = await Task.WhenAll(auth.MeAsync(token), backend.ProfileAsync(token), conversations.ThreadsAsync(token), billing.UsageAsync(token));
        return string.Join("\n", parts.Select(p => $"{(int)p.Status} {p.Body?.ToJsonString()}"));
    }

    /// <summary>Gives her something to lose: a conversation of her own.</summary>
    public async Task StartAConversationAsync(Person customer)
    {
        var created = await conversations.CreateAsync(customer.AccessToken, "Quarterly cloud costs");
        if (!created.IsSuccess) throw new InvalidOperationException($"Starting her conversation was answered {created.Describe()}");
    }

    public async Task<HostileSweep> SendEveryHostileRequestAsync(Person customer, string secondSessionToken)
    {
        var unknownEmail = $"hostile.{Guid.NewGuid():N}@{environment.Environment.Settings.TestEmailDomain}";
        const string strongPassword = "Hostile-Input-1!";
        var who = new HostileCredentials(customer.UserId!, customer.AccessToken, secondSessionToken, environment.Environment.ServiceSecret,
            forge.WithCriticalExtension(customer.AccessToken));
        var cases = HostileRequests.All(who, unknownEmail, strongPassword);
        var traceHeaders = transcript.Trace.Headers().Select(h => (h.Key, HostileRequests.Ascii(h.Value))).ToList();

        var clock = Stopwatch.StartNew();
        var findings = new System.Collections.Concurrent.ConcurrentBag<HostileFinding>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = InParallel }, async (hostile, ct) =>
        {
            var answer = await RawHttp.SendAsync(ServiceUrl(hostile.Endpoint.Service), hostile.Endpoint.Method, hostile.Target,
                [.. hostile.Headers, .. traceHeaders], hostile.Body, ct);
            // A sign-up the sweep did not mean to make is still closed at the end of an attached scenario.
            if (hostile.Endpoint.Path == "/auth/register" && answer.Status is >= 200 and < 300) accounts.Made(unknownEmail, strongPassword);
            if (Judge(answer, hostile.MustRefuse) is { } why)
            {
                findings.Add(new HostileFinding(hostile.Describe(), answer.Describe(), why));
                transcript.Note($"hostile case answered wrongly: {hostile.Describe()} → {answer.Describe()}");
            }
        });
        return new HostileSweep("Hostile requests", cases.Count, [.. findings.OrderBy(f => f.Case, StringComparer.Ordinal)],
            cases.GroupBy(c => $"{c.Endpoint.Service} {c.Endpoint.Name}").ToDictionary(g => g.Key, g => g.Count()), clock.Elapsed);
    }

    public async Task<HostileSweep> SendEveryHostileMessageAsync(ChatConnection connection)
    {
        var clock = Stopwatch.StartNew();
        var findings = new List<HostileFinding>();
        var messages = HostileSocket.Messages().ToList();
        foreach (var (kind, text, binary) in messages)
        {
            try
            {
                if (binary is not null) await connection.SendBinaryAsync(binary);
                else await connection.SendRawAsync(text!);
                var error = await connection.WaitForAsync(e => e.Type == "error", "an error message", TimeSpan.FromSeconds(5));
                if (string.IsNullOrWhiteSpace(error["message"]) || string.IsNullOrWhiteSpace(error["code"]))
                    findings.Add(new HostileFinding($"live connection: {kind}", error.Raw, "an error message names its code and says why"));
            }
            catch (TimeoutException e)
            {
                findings.Add(new HostileFinding($"live connection: {kind}", e.Message, "every message the platform cannot take is answered with an error"));
            }
            catch (System.Net.WebSockets.WebSocketException e)
            {
                findings.Add(new HostileFinding($"live connection: {kind}", $"the connection was lost ({e.Message})", "a bad message never costs her the connection"));
                break;
            }
            if (connection.CloseStatus is { } closed)
            {
                findings.Add(new HostileFinding($"live connection: {kind}", $"closed ({(int)closed})", "a bad message never costs her the connection"));
                break;
            }
        }
        return new HostileSweep("Hostile messages on the live connection", messages.Count, findings,
            new Dictionary<string, int> { ["backend /ws messages (ping, user_message and unknown types)"] = messages.Count }, clock.Elapsed);
    }

    public async Task<HostileSweep> SendEveryBadFrameAsync(string accessToken)
    {
        var clock = Stopwatch.StartNew();
        var findings = new List<HostileFinding>();
        var frames = HostileSocket.Frames().ToList();
        foreach (var (kind, frame, expected) in frames)
        {
            var answer = await HostileSocket.SendFrameAsync(environment.Endpoints.ChatSocket, accessToken, frame, TimeSpan.FromSeconds(5), transcript.Trace.Headers());
            transcript.Note($"live connection, {kind}: closed={answer.Closed} code={answer.CloseCode} after {answer.After.TotalMilliseconds:0} ms ({answer.What})");
            if (!answer.Closed)
                findings.Add(new HostileFinding($"live connection: {kind}", answer.What, "a frame no message could be is answered with a close, never with silence"));
            else if (expected is { } code && answer.CloseCode != code)
                findings.Add(new HostileFinding($"live connection: {kind}", $"closed with {answer.CloseCode?.ToString(CultureInfo.InvariantCulture) ?? "no code"} ({answer.What})",
                    $"a frame announcing more than the platform takes is closed with {code} (message too big)"));
        }
        return new HostileSweep("Frames no message could be", frames.Count, findings,
            new Dictionary<string, int> { ["backend /ws frames"] = frames.Count }, clock.Elapsed);
    }

    /// <summary>Null when the answer is one the platform may give; else why not.</summary>
    private static string? Judge(RawAnswer answer, bool mustRefuse) => answer switch
    {
        { Status: 0 } => "every request gets an answer",
        { Status: >= 500 } => "no input may make a service fail (5xx)",
        { Status: >= 400 } when string.IsNullOrWhiteSpace(answer.Detail) => "a refusal is application/problem+json with a detail saying what was wrong",
        { Status: < 400 } when mustRefuse => "this input must be refused, but it was taken",
        _ => null,
    };

    private Uri ServiceUrl(string service) => service switch
    {
        "auth" => environment.Endpoints.Auth,
        "backend" => environment.Endpoints.Backend,
        _ => environment.Endpoints.Frontend,
    };

    /// <summary>The sweeps' findings, for a failure message: the first ones in full, the rest counted.</summary>
    public static string Describe(IEnumerable<HostileFinding> findings, int shown = 15)
    {
        var all = findings.ToList();
        var text = new StringBuilder();
        foreach (var finding in all.Take(shown)) text.Append("  ").Append(finding).Append('\n');
        if (all.Count > shown) text.Append(CultureInfo.InvariantCulture, $"  … and {all.Count - shown} more\n");
        return text.ToString();
    }
}
