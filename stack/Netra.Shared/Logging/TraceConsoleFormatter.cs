using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Netra.Shared.Logging;

/// <summary>
/// One line per log entry, as the simple console format writes it, plus the W3C trace id of the request (or
/// event delivery) it belongs to: <c>2026-12-01T10:00:00.000 info: Category[0] trace=4bf9… message</c>.
/// A caller that sends <c>traceparent</c> (the acceptance suite does, per scenario) finds every line its calls
/// caused, in every service. An exception follows on indented lines.
/// </summary>
public sealed class TraceConsoleFormatter(IOptionsMonitor<TraceConsoleFormatterOptions> options) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "netra";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
            return;
        textWriter.Write(DateTimeOffset.UtcNow.ToString(options.CurrentValue.TimestampFormat, System.Globalization.CultureInfo.InvariantCulture));
        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category);
        textWriter.Write('[');
        textWriter.Write(logEntry.EventId.Id);
        textWriter.Write("] ");
        if (Activity.Current is { } activity && activity.TraceId != default)
        {
            textWriter.Write("trace=");
            textWriter.Write(activity.TraceId.ToHexString());
            textWriter.Write(' ');
        }
        textWriter.Write(message.ReplaceLineEndings(" "));
        textWriter.Write(Environment.NewLine);
        if (logEntry.Exception is { } exception)
            foreach (var line in exception.ToString().Split('\n'))
                textWriter.Write("    " + line.TrimEnd('\r') + Environment.NewLine);
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}

public sealed class TraceConsoleFormatterOptions : ConsoleFormatterOptions
{
    public TraceConsoleFormatterOptions() => TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fff ";
}

public static class TraceConsoleLogging
{
    /// <summary>The services' console log: <see cref="TraceConsoleFormatter"/>, UTC timestamps in <paramref name="timestampFormat"/>.</summary>
    public static ILoggingBuilder AddNetraConsole(this ILoggingBuilder logging, string timestampFormat = "yyyy-MM-ddTHH:mm:ss.fff ")
    {
        logging.ClearProviders();
        logging.AddConsole(o => o.FormatterName = TraceConsoleFormatter.FormatterName)
            .AddConsoleFormatter<TraceConsoleFormatter, TraceConsoleFormatterOptions>(o => o.TimestampFormat = timestampFormat);
        return logging;
    }
}
