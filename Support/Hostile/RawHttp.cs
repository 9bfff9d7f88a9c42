using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Netra.Acceptance.Support.Hostile;

/// <summary>An answer as it came off the wire: status, headers (names lower-cased) and body; status 0 when none came.</summary>
public sealed record RawAnswer(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body, string? Failure = null)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? ContentType => Headers.GetValueOrDefault("content-type");

    /// <summary>The <c>detail</c> of a problem+json answer, or null.</summary>
    public string? Detail
    {
        get
        {
            if (ContentType?.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase) != true) return null;
            try
            {
                return System.Text.Json.Nodes.JsonNode.Parse(Body)?["detail"]?.GetValue<string>();
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
            {
                return null;
            }
        }
    }

    public string Describe() => Status == 0
        ? $"no answer ({Failure})"
        : $"{Status}, {ContentType ?? "no content type"}, {(Body.Length == 0 ? "empty body" : Shorten(BodyText))}";

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}

/// <summary>
/// Sends a request exactly as given, bytes and all, over a connection of its own: what HttpClient will not send
/// (a NUL in the path, non-ASCII header bytes, a 100 KB header, a body that is not what its Content-Type says).
/// </summary>
public static class RawHttp
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    public static async Task<RawAnswer> SendAsync(Uri service, string method, string target, IEnumerable<(string Name, byte[] Value)> headers,
        byte[]? body, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Deadline);
        try
        {
            using var tcp = new TcpClient { NoDelay = true };
            await tcp.ConnectAsync(service.Host, service.Port, timeout.Token);
            Stream stream = tcp.GetStream();
            if (service.Scheme == Uri.UriSchemeHttps)
            {
                var tls = new SslStream(stream);
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = service.Host }, timeout.Token);
                stream = tls;
            }

            var head = new MemoryStream();
            head.Write(Encoding.ASCII.GetBytes($"{method} {target} HTTP/1.1\r\nHost: {service.Authority}\r\nConnection: close\r\n"));
            foreach (var (name, value) in headers)
            {
                head.Write(Encoding.ASCII.GetBytes(name + ": "));
                head.Write(value);
                head.Write("\r\n"u8);
            }
            if (body is not null) head.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n"));
            head.Write("\r\n"u8);

            // The answer is read while the body goes out: a service may refuse a large body before reading all of it.
            var sending = SendAllAsync(stream, head.ToArray(), body, timeout.Token);
            var answer = await ReadAnswerAsync(stream, timeout.Token);
            try { await sending; } catch (IOException) { /* the service stopped reading once it had answered */ }
            return answer;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new RawAnswer(0, new Dictionary<string, string>(), [], $"nothing within {Deadline.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return new RawAnswer(0, new Dictionary<string, string>(), [], e.Message);
        }
    }

    private static async Task SendAllAsync(Stream stream, byte[] head, byte[]? body, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(head, cancellationToken);
        if (body is not null)
            for (var offset = 0; offset < body.Length; offset += 64 * 1024)
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(64 * 1024, body.Length - offset)), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Reads until the service closes (the request said Connection: close), then parses status, headers and body.</summary>
    private static async Task<RawAnswer> ReadAnswerAsync(Stream stream, CancellationToken cancellationToken)
    {
        var all = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0) all.Write(buffer, 0, read);
        }
        catch (IOException) when (all.Length > 0)
        {
            // Reset after the answer: keep what came.
        }
        var bytes = all.ToArray();
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0) return new RawAnswer(0, new Dictionary<string, string>(), [], bytes.Length == 0 ? "connection closed without an answer" : "an answer without its headers' end");

        var lines = Encoding.Latin1.GetString(bytes, 0, end).Split("\r\n");
        var status = lines[0].Split(' ') is [_, var code, ..] && int.TryParse(code, out var s) ? s : 0;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
            if (line.IndexOf(':') is > 0 and var colon)
                headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        var body = bytes[(end + 4)..];
        if (headers.GetValueOrDefault("transfer-encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
            body = Unchunk(body);
        return new RawAnswer(status, headers, body);
    }

    private static byte[] Unchunk(byte[] chunked)
    {
        var body = new MemoryStream();
        var at = 0;
        while (at < chunked.Length)
        {
            var lineEnd = chunked.AsSpan(at).IndexOf("\r\n"u8);
            if (lineEnd < 0) break;
            var sizeText = Encoding.ASCII.GetString(chunked, at, lineEnd).Split(';')[0];
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0) break;
            at += lineEnd + 2;
            body.Write(chunked, at, Math.Min(size, chunked.Length - at));
            at += size + 2;
        }
        return body.ToArray();
    }
}
