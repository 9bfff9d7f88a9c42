using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Netra.Shared.Http;

/// <summary>
/// Kestrel refuses some requests before any middleware runs (a request line over its limit: 414; headers over their
/// limit: 431; a malformed line, a NUL or a non-ASCII byte where HTTP allows none: 400), and answers them with no body
/// at all, which no setting changes. This connection middleware gives those answers the body every other refusal of
/// a Netra service has: application/problem+json with a detail. It recognises them by what only Kestrel's refusals
/// are: a 4xx with <c>Content-Length: 0</c> and <c>Connection: close</c>, written whole in one write.
/// </summary>
public static class ServerRefusals
{
    /// <summary>Adds the middleware to every endpoint Kestrel listens on.</summary>
    public static void UseProblemDetailsForServerRefusals(this KestrelServerOptions kestrel) =>
        kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => async connection =>
        {
            var transport = connection.Transport;
            var output = new RefusalWritingStream(transport.Output.AsStream(leaveOpen: true), kestrel.Limits);
            connection.Transport = new DuplexPipe(transport.Input, PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true)));
            try
            {
                await next(connection);
            }
            finally
            {
                await connection.Transport.Output.CompleteAsync();
                connection.Transport = transport;
            }
        }));

    private sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;

    /// <summary>Passes every write through, rewriting only a bodiless refusal of Kestrel's own.</summary>
    private sealed class RefusalWritingStream(Stream inner, KestrelServerLimits limits) : IO.WrappingStream(inner)
    {
        private static readonly byte[] Start = "HTTP/1.1 4"u8.ToArray();
        private static readonly byte[] EmptyBody = "\r\nContent-Length: 0\r\n"u8.ToArray();
        private static readonly byte[] Closing = "\r\nConnection: close\r\n"u8.ToArray();
        private static readonly byte[] End = "\r\n\r\n"u8.ToArray();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            await Inner.WriteAsync(IsServerRefusal(buffer.Span) ? WithProblem(buffer.Span) : buffer, cancellationToken);

        private static bool IsServerRefusal(ReadOnlySpan<byte> bytes) =>
            bytes.Length < 1024 && bytes.StartsWith(Start) && bytes.EndsWith(End)
            && bytes.IndexOf(EmptyBody) > 0 && bytes.IndexOf(Closing) > 0 && bytes.IndexOf(End) == bytes.Length - End.Length;

        private ReadOnlyMemory<byte> WithProblem(ReadOnlySpan<byte> refusal)
        {
            var head = Encoding.ASCII.GetString(refusal);
            var status = int.TryParse(head.AsSpan(9, 3), out var code) ? code : 400;
            var reason = head[13..head.IndexOf("\r\n", StringComparison.Ordinal)];
            var body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new
            {
                type = "https://tools.ietf.org/html/rfc9110#section-15.5",
                title = reason,
                status,
                detail = DetailFor(status),
            }));
            var rewritten = head.Replace("\r\nContent-Length: 0\r\n",
                $"\r\nContent-Type: application/problem+json\r\nContent-Length: {body.Length}\r\n", StringComparison.Ordinal);
            return Encoding.ASCII.GetBytes(rewritten).Concat(body).ToArray();
        }

        private string DetailFor(int status) => status switch
        {
            414 => $"The request line (method, path and query) is longer than the {limits.MaxRequestLineSize} bytes this service accepts.",
            431 => $"The request headers are larger than the {limits.MaxRequestHeadersTotalSize} bytes this service accepts in total " +
                   $"(or more than {limits.MaxRequestHeaderCount} headers).",
            413 => "The request body is larger than this service accepts.",
            408 => "The request took too long to arrive.",
            411 => "The request has a body but no Content-Length or Transfer-Encoding.",
            _ => "The request is not well-formed HTTP/1.1: its request line or a header holds something HTTP does not allow there " +
                 "(a NUL or control character, a non-ASCII byte in a header, an invalid path or header name).",
        };
    }
}
