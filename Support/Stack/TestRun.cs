namespace Netra.Acceptance.Support.Stack;

/// <summary>
/// The one thing that lives for the whole run: the environment the before-run hook started or
/// attached to. Scenario state never lives here; scenarios reach this through
/// <see cref="Context.EnvironmentContext"/>.
/// </summary>
public static class TestRun
{
    private static NetraEnvironment? _environment;
    private static Exception? _startupFailure;

    /// <summary>What an attached run created and closed again (Hooks/AccountCleanupHooks.cs).</summary>
    public static AccountLedger Accounts { get; } = new();

    public static NetraEnvironment Environment =>
        _environment ?? throw new InvalidOperationException(
            _startupFailure is null
                ? "The Netra environment has not been started: the before-run hook did not run."
                : "The Netra environment could not be started: " + _startupFailure.Message,
            _startupFailure);

    /// <summary>Whether the run drives an environment somebody else started (and started without a failure).</summary>
    public static bool IsAttached => _environment is { IsLocal: false };

    public static async Task StartAsync(SuiteSettings settings)
    {
        try
        {
            _environment = await NetraEnvironment.StartAsync(settings);
        }
        catch (Exception e)
        {
            _startupFailure = e;
            throw;
        }
    }

    public static async Task StopAsync()
    {
        if (_environment is not null) await _environment.DisposeAsync();
        _environment = null;
    }
}
