using System.Collections.Concurrent;
using System.Net.WebSockets;
using Netra.Backend.Auth;

namespace Netra.Backend.WebSockets;

/// <summary>The access token each open connection was opened with.</summary>
public sealed class ConnectionTokens
{
    private readonly ConcurrentDictionary<WsConnection, AccessToken> _tokens = new();
    public void Track(WsConnection connection, AccessToken token) => _tokens[connection] = token;
    public void Forget(WsConnection connection) => _tokens.TryRemove(connection, out _);
    // ConcurrentDictionary.ToArray takes a consistent copy; a collection expression copies through
    // ICollection.CopyTo, which throws when connections open while it copies (seen with 20 at once).
    public IReadOnlyList<KeyValuePair<WsConnection, AccessToken>> Snapshot() => _tokens.ToArray();
}

/// <summary>
/// Ends chat connections whose session was revoked (logout in another tab, refresh-token reuse, account
/// deleted): every <c>TOKEN_RECHECK_SECONDS</c> (default 10) each open connection's token is checked for
/// revocation again, and a revoked one gets AUTH_FAILED and close 1008. Expiry alone does not end a
/// connection: the page refreshes its token and uses the new one when it reconnects.
/// </summary>
public sealed class ConnectionRevalidationService(ConnectionTokens tokens, ITokenRevocationCheck revocation,
    ILogger<ConnectionRevalidationService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(AuthServiceRevocationCheck.Seconds("TOKEN_RECHECK_SECONDS", 10)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            IReadOnlyList<KeyValuePair<WsConnection, AccessToken>> open;
            try { open = tokens.Snapshot(); }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning("ws revalidation skipped a round: {Error}: {Message}", ex.GetType().Name, ex.Message);
                continue;
            }
            foreach (var (connection, token) in open)
            {
                try
                {
                    await RecheckAsync(connection, token, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // One connection's trouble (it closed meanwhile, auth answered oddly) must never end the
                    // service: a background service that throws stops the whole backend.
                    log.LogWarning("ws conn={ConnectionId}: revalidation failed: {Error}: {Message}", connection?.Id, ex.GetType().Name, ex.Message);
                }
            }
        }
    }

    private async Task RecheckAsync(WsConnection connection, AccessToken token, CancellationToken stoppingToken)
    {
        if (!await revocation.IsRevokedAsync(token, stoppingToken)) return;
        log.LogInformation("ws conn={ConnectionId}: session revoked, closing", connection.Id);
        tokens.Forget(connection);
        await connection.SendErrorAsync("AUTH_FAILED", "Authentication failed: the session has ended (signed out or revoked).");
        await connection.CloseAsync(WebSocketCloseStatus.PolicyViolation, "Session revoked");
    }
}
