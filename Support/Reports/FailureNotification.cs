using System.Text.Json.Nodes;

namespace Netra.Acceptance.Support.Reports;

/// <summary>
/// Tells a team channel that a run went red. With NETRA_NOTIFY_WEBHOOK set, a run with a failed scenario posts
/// its red journeys, whom (and which revenue) each protects, and where the report is, as the JSON of a Slack
/// incoming webhook (<c>text</c> plus <c>blocks</c>; Mattermost, Rocket.Chat and Teams' Slack-compatible hooks
/// read the same). A green run posts nothing. Posting never changes the run's outcome: a webhook that cannot be
/// reached is said on the console.
/// </summary>
public static class FailureNotification
{
    public const string WebhookVariable = "NETRA_NOTIFY_WEBHOOK";

    /// <summary>Where people find the report (a CI run's page, say); without it the notice names the report's file.</summary>
    public const string ReportUrlVariable = "NETRA_REPORT_URL";

    /// <summary>Posts the notice when the webhook is set and a journey is red; returns what happened, in words (null: nothing to do).</summary>
    public static async Task<string?> PostIfRedAsync(IEnumerable<JourneyOverview.Journey> journeys, string reportFile,
        string? webhook = null, string? reportUrl = null, string? environmentName = null, CancellationToken cancellationToken = default)
    {
        webhook ??= Environment.GetEnvironmentVariable(WebhookVariable);
        if (string.IsNullOrWhiteSpace(webhook)) return null;
        reportUrl ??= Environment.GetEnvironmentVariable(ReportUrlVariable);
        var message = MessageFor(journeys.ToList(), string.IsNullOrWhiteSpace(reportUrl) ? reportFile : reportUrl,
            environmentName ?? Environment.GetEnvironmentVariable("NETRA_ENVIRONMENT"));
        if (message is null) return null;

        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            // A whole body with its length: some webhook receivers refuse chunked requests, or read them as empty.
            using var body = new StringContent(message.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(webhook, body, cancellationToken);
            return response.IsSuccessStatusCode
                ? "Failure notice posted to NETRA_NOTIFY_WEBHOOK."
                : $"The failure notice was refused by NETRA_NOTIFY_WEBHOOK: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            return $"The failure notice could not be posted to NETRA_NOTIFY_WEBHOOK ({e.Message}).";
        }
    }

    /// <summary>The Slack-compatible message for a run, or null when no journey is red.</summary>
    public static JsonObject? MessageFor(IReadOnlyList<JourneyOverview.Journey> journeys, string report, string? environmentName)
    {
        var red = journeys.Where(j => j.Failed > 0).OrderBy(j => j.Name, StringComparer.Ordinal).ToList();
        if (red.Count == 0) return null;

        var where = string.IsNullOrWhiteSpace(environmentName) ? "" : $" on {environmentName}";
        var headline = red.Count == 1 ? $"Netra acceptance{where}: 1 journey is red" : $"Netra acceptance{where}: {red.Count} journeys are red";
        var totals = FormattableString.Invariant(
            $"{journeys.Sum(j => j.Passed)} passed, {journeys.Sum(j => j.Failed)} failed, {journeys.Sum(j => j.Skipped)} skipped");
        var lines = red.Select(j => FormattableString.Invariant(
            $"• *{Escape(j.Name)}*: {j.Failed} of {j.Scenarios.Count} scenarios failed. {(j.Protects.Length > 0 ? "Protects " + Escape(j.Protects) : "")}").TrimEnd()
            + $"\n   Runbook: {Runbooks.PathFor(j.Name)}");
        var reportLink = Uri.TryCreate(report, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"<{report}|the living documentation and evidence>"
            : $"`{report}` (with the evidence beside it)";

        return new JsonObject
        {
            // Shown where blocks are not (phone notifications, older clients).
            ["text"] = $"{headline}. {string.Join("; ", red.Select(j => j.Name))}. Report: {report}",
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = headline } },
                Section(string.Join("\n", lines)),
                Section($"All journeys: {totals}.\nReport: {reportLink}")),
        };

        static JsonObject Section(string markdown) =>
            new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = markdown } };
    }

    // Slack's mrkdwn needs only these three escaped.
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
