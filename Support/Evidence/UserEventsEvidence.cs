using System.Text;
using System.Text.Json.Nodes;
using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Drivers;

namespace Netra.Acceptance.Support.Evidence;

/// <summary>
/// For a failed scenario: per person, the user events the sign-in service raised (and whether each was delivered),
/// the ones the platform applied, what the platform holds, and what was raised but never applied: what should
/// have happened between the services and did not. Asked under a trace of its own, so the scenario's log lines
/// stay the scenario's. Needs the service secret (always there for the suite's own stack).
/// </summary>
public static class UserEventsEvidence
{
    public static async Task<string?> DescribeAsync(EnvironmentContext environment, People people)
    {
        var users = people.All.Where(p => p.UserId is not null).ToList();
        if (users.Count == 0 || environment.Environment.ServiceSecret is null) return null;
        var ownTranscript = new ScenarioTranscript();
        using var raised = new UserEventRecords(environment, ownTranscript);
        using var held = new PlatformRecords(environment, ownTranscript);
        var text = new StringBuilder();
        foreach (var person in users)
        {
            text.AppendLine($"{person.Alias} ({person.Email}, user {person.UserId}):");
            try
            {
                var auth = await raised.RaisedForAsync(person.UserId!);
                var backend = await held.HeldForAsync(person.UserId!);
                var raisedEvents = Events(auth.Body, "events");
                var appliedEvents = Events(backend.Body, "events_applied");
                text.AppendLine(auth.IsSuccess ? "  the sign-in service raised:" : $"  the sign-in service answered {(int)auth.Status}: {auth.Detail}");
                foreach (var e in raisedEvents)
                    text.AppendLine($"    {e["type"]} {e["event_id"]} raised {e["raised_at"]}, " +
                                    (e["delivered_at"] is { } at ? $"delivered {at}" : $"NOT delivered ({e["attempts"]} attempts; last error: {e["last_error"] ?? "none yet"})"));
                text.AppendLine(backend.IsSuccess
                    ? $"  the platform holds: name \"{backend["name"]}\", plan {backend["plan_tier"]}, {backend["threads"]} conversations, {backend["messages"]} messages; it applied:"
                    : $"  the platform answered {(int)backend.Status}: {backend.Detail}");
                foreach (var e in appliedEvents)
                    text.AppendLine($"    {e["type"]} {e["event_id"]} applied {e["applied_at"]}");
                var applied = appliedEvents.Select(e => e["event_id"]?.ToString()).ToHashSet();
                var missing = raisedEvents.Where(e => !applied.Contains(e["event_id"]?.ToString())).ToList();
                if (backend.IsSuccess)
                    text.AppendLine(missing.Count == 0
                        ? "  every event raised was applied"
                        : "  raised but not applied by the platform: " + string.Join(", ", missing.Select(e => $"{e["type"]} {e["event_id"]}")));
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
            {
                text.AppendLine($"  could not be asked: {e.Message}");
            }
        }
        return text.ToString();
    }

    private static List<JsonNode> Events(JsonNode? body, string property) =>
        (body as JsonObject)?[property] is JsonArray events ? events.OfType<JsonNode>().ToList() : [];
}
