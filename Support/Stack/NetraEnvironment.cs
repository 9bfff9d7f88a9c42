namespace Netra.Acceptance.Support.Stack;

/// <summary>
/// The environment of one test run: the reference stack the suite started, or a deployment it
/// was pointed at. Either way, every service must answer its health check before any scenario
/// runs; a missing service fails the run with a message that says which one and what to do.
/// </summary>
public sealed class NetraEnvironment : IAsyncDisposable
{
    private readonly LocalStack? _localStack;

    private NetraEnvironment(SuiteSettings settings, ServiceEndpoints endpoints, LocalStack? localStack)
    {
        Settings = settings;
        Endpoints = endpoints;
        _localStack = localStack;
    }

    public SuiteSettings Settings { get; }
    public ServiceEndpoints Endpoints { get; }

    /// <summary>True when the suite started the stack (and so may read its logs and knows its signing key).</summary>
    public bool IsLocal => _localStack is not null;

    public string? JwtSecret => _localStack?.JwtSecret ?? Settings.JwtSecret;

    /// <summary>The service secret for admin calls (plan changes): the local stack's, or NETRA_SERVICE_SECRET.</summary>
    public string? ServiceSecret => _localStack?.ServiceSecret ?? Settings.ServiceSecret;

    /// <summary>The plans, cheapest first.</summary>
    public IReadOnlyList<string> Plans => [.. TestStackTuning.ContractPlanAllowances.Keys];

    // What an environment the suite did not start announced (X-RateLimit-Limit) to a customer on each plan during this run.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _announcedAllowances = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Chat messages per rate window on a plan. On the suite's own stack, what the harness configured (so a service that
    /// announces and enforces the wrong allowance is caught). Elsewhere, what the environment announced to a customer on
    /// that plan in this run, or the contract's default before any did: staging may be tuned differently.
    /// </summary>
    public int AllowanceOf(string plan) =>
        (IsLocal ? TestStackTuning.PlanAllowances : TestStackTuning.ContractPlanAllowances).TryGetValue(plan, out var configured)
            ? IsLocal ? configured : _announcedAllowances.GetValueOrDefault(plan, configured)
            : throw new ArgumentException($"There is no '{plan}' plan; plans are {string.Join(", ", Plans)}.");

    /// <summary>Remembers the allowance the environment announced to a customer on the plan (ignored on the suite's own stack).</summary>
    public void AllowanceAnnounced(string plan, int allowance)
    {
        if (!IsLocal) _announcedAllowances[plan] = allowance;
    }

    /// <summary>
    /// The contract's rate window is a minute; the suite's own stack shortens it (Support/Stack/TestStackTuning.cs).
    /// </summary>
    public TimeSpan RateWindow => IsLocal ? TestStackTuning.RateWindow : TimeSpan.FromMinutes(1);

    /// <summary>How long the backend waits for the LLM provider before it gives up on a run.</summary>
    public TimeSpan LlmTimeout => IsLocal ? TestStackTuning.LlmTimeout : Settings.LlmTimeout ?? TestStackTuning.ContractLlmTimeout;

    /// <summary>Each service's last log lines, for failure evidence (local stack only).</summary>
    public IEnumerable<(string Service, string Tail)> ServiceLogTails(int lines = 60) =>
        _localStack?.Services.Select(s => (s.Name, s.Tail(lines))) ?? [];

    /// <summary>Each tracing service's lines of one scenario, found by its trace id (local stack only).</summary>
    public IEnumerable<(string Service, IReadOnlyList<string> Lines)> ServiceLinesOfTrace(string traceId) =>
        _localStack?.Services.Where(s => s.WritesTraces).Select(s => (s.Name, s.LinesOfTrace(traceId))) ?? [];

    public string? RunDirectory => _localStack?.RunDirectory;

    /// <summary>The stack the suite started, to stop, kill and restart its services; null when attached.</summary>
    public LocalStack? LocalStack => _localStack;

    public static async Task<NetraEnvironment> StartAsync(SuiteSettings settings, bool withGoogle = true, CancellationToken cancellationToken = default)
    {
        if (!settings.IsAttached)
        {
            var stack = await LocalStack.StartAsync(settings, withGoogle, cancellationToken);
            return new NetraEnvironment(settings, stack.Endpoints, stack);
        }

        var endpoints = new ServiceEndpoints(new Uri(settings.AuthUrl!), new Uri(settings.BackendUrl!), new Uri(settings.FrontendUrl!),
            settings.LlmProviderUrl is null ? null : new Uri(settings.LlmProviderUrl));
        await RequireHealthyAsync(endpoints, TimeSpan.FromSeconds(10), cancellationToken);
        return new NetraEnvironment(settings, endpoints, null);
    }

    /// <summary>Checks every attached service's health, and names each one that does not answer.</summary>
    private static async Task RequireHealthyAsync(ServiceEndpoints endpoints, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = timeout };
        var checks = endpoints.All.Select(async service =>
        {
            var health = new Uri(service.Url, "/health");
            try
            {
                using var response = await http.GetAsync(health, cancellationToken);
                return response.IsSuccessStatusCode ? null : $"the {service.Name} service at {health} answered {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return $"the {service.Name} service at {health} cannot be reached ({e.Message})";
            }
        });
        var problems = (await Task.WhenAll(checks)).OfType<string>().ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException(
                "The Netra environment is not healthy: " + string.Join("; ", problems) + ". " +
                "Start the missing service, fix NETRA_AUTH_URL / NETRA_BACKEND_URL / NETRA_FRONTEND_URL, " +
                "or unset all three to let the suite start the reference stack itself.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_localStack is not null) await _localStack.DisposeAsync();
    }
}
