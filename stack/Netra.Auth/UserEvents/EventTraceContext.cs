using System.Diagnostics;
using OpenTelemetry.Context.Propagation;

namespace Netra.Auth.UserEvents;

/// <summary>
/// The W3C trace context of the change that raised a user event, kept with the event in the outbox and taken up
/// again by each delivery, with OpenTelemetry's trace-context propagator (the format of the traceparent header).
/// </summary>
public static class EventTraceContext
{
    private static readonly TraceContextPropagator Propagator = new();

    /// <summary>The current request's trace context as a traceparent value (null outside a trace).</summary>
    public static string? Capture()
    {
        if (Activity.Current is not { } current) return null;
        var carrier = new Dictionary<string, string>();
        Propagator.Inject(new PropagationContext(current.Context, default), carrier, (c, key, value) => c[key] = value);
        return carrier.GetValueOrDefault("traceparent");
    }

    /// <summary>Starts the delivery's activity as a child of the stored trace context (null when there is none).</summary>
    public static Activity? ContinueFrom(string? traceparent, string operation)
    {
        if (traceparent is null) return null;
        var carrier = new Dictionary<string, string> { ["traceparent"] = traceparent };
        var context = Propagator.Extract(default, carrier, (c, key) => c.TryGetValue(key, out var value) ? [value] : []).ActivityContext;
        return context == default ? null : new Activity(operation).SetParentId(context.TraceId, context.SpanId, context.TraceFlags).Start();
    }
}
