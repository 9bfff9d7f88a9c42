using System.Diagnostics;
using Netra.Backend.Billing;
using Netra.Backend.Infrastructure;
using Netra.Backend.Threads;

namespace Netra.Backend.Agents;

/// <summary>Receives the events of a run as they happen (the WebSocket forwards them; REST ignores them). Must not throw.</summary>
public interface IAgentEventSink
{
    Task EmitAsync(string type, object payload);
}

public sealed class NullEventSink : IAgentEventSink
{
    public static readonly NullEventSink Instance = new();
    public Task EmitAsync(string type, object payload) => Task.CompletedTask;
}

public enum AgentFailureKind { ThreadNotFound, ThreadDeletedDuringRun, ProviderUnavailable, ProviderBadResponse, StorageUnavailable, Internal }

public sealed record AgentRunSuccess(string RunId, string ThreadId, string MessageId, string AgentName, string Content, LlmUsage Usage, long DurationMs);

public sealed record AgentRunFailure(AgentFailureKind Kind, string? RunId, string Error, string Suggestion);

public sealed record AgentRunOutcome(AgentRunSuccess? Success, AgentRunFailure? Failure);

// Event payloads (serialized snake_case). run_id is on every event so that a client with several
// runs in flight on one connection can tell them apart.
public sealed record AgentStarted(string RunId, string AgentName, string ThreadId);
public sealed record AgentThinking(string RunId, string Thought, int StepNumber);
public sealed record ToolExecuting(string RunId, string ToolName);
public sealed record ToolCompleted(string RunId, string ToolName, string Result);
public sealed record AgentResult(string Content);
public sealed record AgentCompleted(string RunId, string AgentName, string ThreadId, string MessageId, AgentResult Result, long DurationMs, LlmUsage Usage);
public sealed record AgentError(string RunId, string Error, bool Recoverable, string Suggestion);

public static class ChatInput
{
    public const int MaxLength = 10_000;

    /// <summary>Null when the text can start a run, otherwise why not.</summary>
    public static string? Validate(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "The message must not be empty."
        : text.Length > MaxLength ? $"The message is {text.Length} characters long; at most {MaxLength} are allowed."
        : null;
}

/// <summary>
/// One agent run, shared by REST and WebSocket: triage → thinking → tool → LLM → stored answer.
/// Once a run has started it ends in exactly one of agent_completed or agent_error.
/// </summary>
public sealed class AgentRunner(Database db, ThreadStore threads, LlmClient llm, ILogger<AgentRunner> logger)
{
    private const string RetrySuggestion = "Wait a moment and send your message again.";

    public async Task<AgentRunOutcome> RunAsync(string userId, string text, string? threadId, IAgentEventSink events, CancellationToken ct)
    {
        string resolvedThreadId;
        if (threadId is not null)
        {
            if (await threads.GetAsync(userId, threadId, ct) is null)
                return ThreadNotFound(threadId);
            resolvedThreadId = threadId;
        }
        else
        {
            resolvedThreadId = (await threads.CreateAsync(userId, TitleFrom(text), ct)).Id;
        }

        var runId = Guid.NewGuid().ToString();
        if (await threads.AddMessageAsync(resolvedThreadId, "user", text, null, runId, ct) is null)
            return ThreadNotFound(resolvedThreadId); // deleted a moment ago

        var started = Stopwatch.GetTimestamp();
        var plan = Triage.Plan(text);
        try
        {
            await events.EmitAsync("agent_started", new AgentStarted(runId, plan.AgentName, resolvedThreadId));
            await events.EmitAsync("agent_thinking", new AgentThinking(runId, plan.Thought, 1));

            await events.EmitAsync("tool_executing", new ToolExecuting(runId, plan.ToolName));
            var toolResult = Tools.Run(plan.ToolName, text);
            await events.EmitAsync("tool_completed", new ToolCompleted(runId, plan.ToolName, toolResult));

            var answer = await llm.CompleteAsync(
            [
                ("system", $"You are {plan.AgentName}, an agent of the Netra AI optimization platform. Answer the user's question concisely and accurately, using the tool result below."),
                ("system", $"Result of tool {plan.ToolName}: {toolResult}"),
                ("user", text),
            ], userId, ct);

            // The answer and its usage record (billing: one per completed run, keyed by the run) are
            // stored in one transaction: never an answer that is not billed, nor a bill without an answer.
            var stored = await db.InTransactionAsync(async (connection, tx) =>
            {
                var message = await ThreadStore.AddMessageAsync(connection, tx, resolvedThreadId, "assistant", answer.Content, plan.AgentName, runId, ct);
                if (message is not null) await UsageStore.RecordAsync(connection, tx, runId, userId, resolvedThreadId, plan.AgentName, answer.Usage, ct);
                return message;
            }, ct) ?? throw new ThreadDeletedException();

            var durationMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            await events.EmitAsync("agent_completed", new AgentCompleted(runId, plan.AgentName, resolvedThreadId, stored.Id,
                new AgentResult(answer.Content), durationMs, answer.Usage));
            logger.LogInformation("run {RunId} completed by {Agent} in {DurationMs}ms", runId, plan.AgentName, durationMs);
            return new AgentRunOutcome(new AgentRunSuccess(runId, resolvedThreadId, stored.Id, plan.AgentName, answer.Content, answer.Usage, durationMs), null);
        }
        catch (LlmProviderException ex)
        {
            var kind = ex.Kind == LlmFailureKind.Unavailable ? AgentFailureKind.ProviderUnavailable : AgentFailureKind.ProviderBadResponse;
            return await FailRunAsync(events, kind, runId, ex.Message, RetrySuggestion);
        }
        catch (ThreadDeletedException)
        {
            return await FailRunAsync(events, AgentFailureKind.ThreadDeletedDuringRun, runId,
                "The conversation was deleted while the agent was answering.", "Start a new conversation.");
        }
        catch (Exception ex) when (Database.IsUnavailable(ex))
        {
            db.Unavailable(ex);
            return await FailRunAsync(events, AgentFailureKind.StorageUnavailable, runId,
                "The platform's database became unavailable, so the answer could not be saved and you were not charged for it.",
                "Send your message again in a moment.");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return await FailRunAsync(events, AgentFailureKind.ProviderUnavailable, runId, "The run was cancelled (the server is stopping or the request was abandoned).", "Send your message again in a moment.");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "run {RunId} failed", runId);
            return await FailRunAsync(events, AgentFailureKind.Internal, runId, "The agent failed unexpectedly.", "Send your message again; if it keeps failing, start a new conversation.");
        }
    }

    private async Task<AgentRunOutcome> FailRunAsync(IAgentEventSink events, AgentFailureKind kind, string runId, string error, string suggestion)
    {
        logger.LogWarning("run {RunId} failed: {Error}", runId, error);
        await events.EmitAsync("agent_error", new AgentError(runId, error, Recoverable: true, suggestion));
        return Fail(kind, runId, error, suggestion);
    }

    private static AgentRunOutcome ThreadNotFound(string threadId) =>
        Fail(AgentFailureKind.ThreadNotFound, null, $"Thread '{LogText.Clean(threadId, 100)}' was not found.",
            "Leave thread_id out to start a new conversation.");

    private static AgentRunOutcome Fail(AgentFailureKind kind, string? runId, string error, string suggestion) =>
        new(null, new AgentRunFailure(kind, runId, error, suggestion));

    /// <summary>A new thread is named after the first line of its first message.</summary>
    private static string TitleFrom(string text)
    {
        var line = text.Trim().Split('\n', 2)[0].Trim();
        return line.Length <= 60 ? line : line[..57] + "...";
    }

    private sealed class ThreadDeletedException : Exception;
}
