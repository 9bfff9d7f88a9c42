namespace Netra.Auth.UserEvents;

/// <summary>Retries undelivered user events (with the dispatcher's backoff), including those left from before a restart.</summary>
public sealed class OutboxRetryService(UserEventDispatcher dispatcher, ILogger<OutboxRetryService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up startup
        if (!dispatcher.Enabled)
        {
            log.LogInformation("BACKEND_URL is not set: user events stay in the outbox");
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            try
            {
                await dispatcher.DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(ex, "Outbox pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
