using System.Text.RegularExpressions;
using Netra.Acceptance.Support.Drivers;

namespace Netra.Acceptance.Support.Context;

/// <summary>
/// What a stranger was told, one way of reaching a conversation (reading, opening, asking into, deleting): for someone
/// else's conversation, and for one that never existed. The two must read alike, the conversation's id aside.
/// </summary>
public sealed record Look(string Way, string Strangers, string Missing)
{
    /// <summary>Told as a missing conversation: the contract's 404 on the pages, THREAD_NOT_FOUND on the live connection.</summary>
    public bool SaysNotFound => Regex.IsMatch(Strangers, "(?i)^(404|error THREAD_NOT_FOUND)");

    /// <summary>The status and detail of an answer, with the asked-for conversation id blanked out, to compare two refusals.</summary>
    public static string Told(ApiResponse answer, string threadId) => $"{(int)answer.Status} {answer.Detail}".Replace(threadId, "<id>");

    /// <summary>The kind, code and message of a socket answer, the conversation id blanked out.</summary>
    public static string Told(SocketMessage answer, string threadId) =>
        $"{answer.Type} {answer.ErrorCode} {answer.ErrorMessage}".Replace(threadId, "<id>");
}

/// <summary>The looks of one scenario's stranger at someone else's conversation.</summary>
public sealed class StrangersLooks
{
    public List<Look> Made { get; } = [];

    /// <summary>Reaches the owner's conversation one way, and a conversation that never existed the same way.</summary>
    public async Task LookAsync(string way, string ownersThreadId, Func<string, Task<string>> toldFor)
    {
        var missingId = Guid.NewGuid().ToString();
        Made.Add(new Look(way, await toldFor(ownersThreadId), await toldFor(missingId)));
    }
}
