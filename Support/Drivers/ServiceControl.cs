using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Stack;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>
/// Stops, kills and restarts the services of the feature's private stack, as an operator or
/// a crash would. Only for features tagged @disruptive (they get a stack of their own).
/// </summary>
public sealed class ServiceControl(EnvironmentContext environment)
{
    private static readonly TimeSpan RestartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The service names the features use, mapped to the stack's.</summary>
    public static string ServiceName(string businessName) => businessName.ToLowerInvariant() switch
    {
        "sign-in service" => "auth",
        "platform" => "backend",
        "website" => "frontend",
        "language model" => "llm-provider",
        "platform's database" => "database",
        var other => throw new ArgumentException($"No service is called '{other}' in the features."),
    };

    public Task StopAsync(string service) => Service(service).StopAsync(TimeSpan.FromSeconds(10));

    public Task KillAsync(string service) => Service(service).KillAsync();

    public async Task StartAgainAsync(string service)
    {
        await Service(service).RestartAsync(RestartTimeout);
        // The database is back for users once the platform says it is ready again, as a load
        // balancer would wait for; if the platform never recovers by itself, this fails, naming it.
        if (service == "database") await Service("backend").WaitUntilReadyAsync(RestartTimeout);
    }

    public async Task RestartAsync(string service)
    {
        await StopAsync(service);
        await StartAgainAsync(service);
    }

    /// <summary>Starts again whatever a scenario left stopped or crashed.</summary>
    public async Task StartEveryStoppedServiceAsync()
    {
        if (!environment.HasPrivateStack) return;
        foreach (var service in environment.Environment.LocalStack!.Services.Where(s => s.HasExited))
            await service.RestartAsync(RestartTimeout);
    }

    private ServiceProcess Service(string service)
    {
        if (!environment.HasPrivateStack)
            throw new InvalidOperationException("Only a feature tagged @disruptive may stop services: it gets a stack of its own.");
        return environment.Environment.LocalStack!.Service(service);
    }
}
