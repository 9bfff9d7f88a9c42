using WireMock.Admin.Requests;
using WireMock.Logging;

namespace Netra.LlmProvider;

/// <summary>One line per request (method, path, status, which mapping answered), like the other stack services.</summary>
public sealed class RequestLineLogger : IWireMockLogger
{
    public void Debug(string formatString, params object[] args) { }

    public void Info(string formatString, params object[] args) => Write("info", formatString, args);

    public void Warn(string formatString, params object[] args) => Write("warn", formatString, args);

    public void Error(string formatString, params object[] args) => Write("error", formatString, args);

    public void Error(string message, Exception exception) => Write("error", message + ": " + exception, []);

    public void DebugRequestResponse(LogEntryModel logEntryModel, bool isAdminRequest)
    {
        var request = logEntryModel.Request;
        var mapping = logEntryModel.MappingTitle ?? logEntryModel.MappingGuid?.ToString() ?? "no mapping";
        Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {request.Method} {request.Path} {logEntryModel.Response?.StatusCode} ({(isAdminRequest ? "admin" : mapping)})");
    }

    private static void Write(string level, string format, object[] args) =>
        Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {level}: {(args.Length == 0 ? format : string.Format(format, args))}");
}
