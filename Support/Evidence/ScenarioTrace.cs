using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using OpenTelemetry.Context.Propagation;

namespace Netra.Acceptance.Support.Evidence;

/// <summary>
/// The scenario's W3C trace context. Every request and chat connection of the scenario carries it as
/// <c>traceparent</c> (OpenTelemetry's propagator writes the header); the services log its trace id on every line
/// they write for it, and auth keeps it with each user event it raises, so the evidence of a failed scenario can
/// hold exactly that scenario's lines from every service, deliveries to the backend included.
/// </summary>
public sealed class ScenarioTrace
{
    private static readonly TraceContextPropagator Propagator = new();

    public ActivityContext Context { get; } = new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

    /// <summary>The 32 hex digits the services write as <c>trace=…</c>.</summary>
    public string TraceId => Context.TraceId.ToHexString();

    /// <summary>The trace-context headers (<c>traceparent</c>), as OpenTelemetry's propagator writes them.</summary>
    public Dictionary<string, string> Headers()
    {
        var headers = new Dictionary<string, string>();
        Propagator.Inject(new PropagationContext(Context, default), headers, static (h, name, value) => h[name] = value);
        return headers;
    }

    public void AddTo(HttpRequestHeaders headers)
    {
        foreach (var (name, value) in Headers())
        {
            headers.Remove(name);
            headers.TryAddWithoutValidation(name, value);
        }
    }

    public void AddTo(ClientWebSocketOptions options)
    {
        foreach (var (name, value) in Headers())
            options.SetRequestHeader(name, value);
    }
}
