using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Netra.Acceptance.Support.Hostile;

/// <summary>
/// Hostile input for the live connection: messages of every type the contract names (ping, user_message) and of
/// none, mis-shaped, malformed, oversize, with invalid text; each must be answered with an error and leave the
/// connection open. And frames no message could be (sent over a connection of their own), each of which must be
/// answered with a close, never with silence.
/// </summary>
public static class HostileSocket
{
    /// <summary>Messages, as the text (or bytes) sent; the answer to each is an error message, and the connection stays open.</summary>
    public static IEnumerable<(string Kind, string? Text, byte[]? Binary)> Messages()
    {
        static (string, string?, byte[]?) T(string kind, string text) => (kind, text, null);
        yield return T("no type", "{\"payload\":{}}");
        yield return T("a number as the type", "{\"type\":42,\"payload\":{}}");
        yield return T("null as the type", "{\"type\":null}");
        yield return T("a NUL as the type", "{\"type\":\"\\u0000\"}");
        yield return T("a lone surrogate as the type", "{\"type\":\"\\ud800\"}");
        yield return T("an unknown type", "{\"type\":\"make_coffee\",\"payload\":{}}");
        yield return T("a 5,000-character unknown type", JsonSerializer.Serialize(new { type = new string('t', 5000) }));
        yield return T("a ping with an array payload", "{\"type\":\"ping\",\"payload\":[1,2]}");
        yield return T("a question with a string payload", "{\"type\":\"user_message\",\"payload\":\"hello\"}");
        yield return T("a question without text", "{\"type\":\"user_message\",\"payload\":{}}");
        yield return T("a question of a number", "{\"type\":\"user_message\",\"payload\":{\"text\":42}}");
        yield return T("a question of an object", "{\"type\":\"user_message\",\"payload\":{\"text\":{\"a\":1}}}");
        yield return T("a question with a NUL", "{\"type\":\"user_message\",\"payload\":{\"text\":\"a\\u0000b\"}}");
        yield return T("a question with a lone surrogate", "{\"type\":\"user_message\",\"payload\":{\"text\":\"\\udc00\"}}");
        yield return T("a question with a control character", "{\"type\":\"user_message\",\"payload\":{\"text\":\"bell\\u0007\"}}");
        yield return T("a question of only spaces", "{\"type\":\"user_message\",\"payload\":{\"text\":\"    \"}}");
        yield return T("a question of 10,001 characters", JsonSerializer.Serialize(new { type = "user_message", payload = new { text = new string('q', 7000) + new string('é', 3001) } }));
        yield return T("a question for a conversation id with a NUL", "{\"type\":\"user_message\",\"payload\":{\"text\":\"hi\",\"thread_id\":\"a\\u0000\"}}");
        yield return T("a question for a conversation id that is a number", "{\"type\":\"user_message\",\"payload\":{\"text\":\"hi\",\"thread_id\":7}}");
        yield return T("a message over 8 KB", JsonSerializer.Serialize(new { type = "user_message", payload = new { text = new string('x', 9 * 1024) } }));
        yield return T("malformed JSON", "{\"type\": \"user_message\", \"payload\": {");
        yield return T("not JSON at all", "hello there");
        yield return T("an array", "[\"ping\"]");
        yield return T("an empty message", "");
        yield return T("deeply nested JSON", new string('[', 3000) + new string(']', 3000));
        yield return T("a question of a huge number", "{\"type\":\"user_message\",\"payload\":{\"text\":1e999999}}");
        yield return ("a binary message", null, [0x00, 0x01, 0xFF, 0xFE]);
    }

    /// <summary>Frames no message could be; the server must close (with any code) within the deadline.</summary>
    public static IEnumerable<(string Kind, byte[] Frame, int? ExpectedClose)> Frames()
    {
        // Client frames are masked (RFC 6455 §5.3); a zero mask keeps the payload bytes as written.
        static byte[] Masked(byte first, byte[] payload, long? announced = null)
        {
            var length = announced ?? payload.Length;
            var header = new List<byte> { first };
            if (length < 126) header.Add((byte)(0x80 | length));
            else if (length <= ushort.MaxValue) header.AddRange([0x80 | 126, (byte)(length >> 8), (byte)length]);
            else
            {
                header.Add(0x80 | 127);
                for (var shift = 56; shift >= 0; shift -= 8) header.Add((byte)(length >> shift));
            }
            header.AddRange([0, 0, 0, 0]);
            return [.. header, .. payload];
        }
        yield return ("a frame announcing 2^62 bytes", Masked(0x81, [], announced: 1L << 62), 1009);
        yield return ("a frame announcing 2 GB", Masked(0x81, [], announced: 2L * 1024 * 1024 * 1024), 1009);
        yield return ("a frame of an opcode that does not exist", Masked(0x83, "x"u8.ToArray()), null);
        yield return ("a text frame that is not UTF-8", Masked(0x81, [0xC3, 0x28, 0xFF]), null);
        yield return ("a frame the client did not mask", [0x81, 0x02, 0x68, 0x69], 1002);
        yield return ("a control frame of 200 bytes", Masked(0x89, new byte[200]), null);
        yield return ("a frame with reserved bits set", Masked(0xF1, "x"u8.ToArray()), null);
    }

    /// <summary>What came back to a raw frame: the close code (null: a close without one), or what happened instead.</summary>
    public sealed record FrameAnswer(bool Closed, int? CloseCode, TimeSpan After, string What);

    /// <summary>Opens the live connection by hand (the handshake, with her token), sends one frame and waits for the close.</summary>
    public static async Task<FrameAnswer> SendFrameAsync(Uri socketUrl, string accessToken, byte[] frame, TimeSpan deadline,
        IReadOnlyDictionary<string, string> extraHeaders)
    {
        using var timeout = new CancellationTokenSource(deadline);
        var clock = Stopwatch.StartNew();
        try
        {
            using var tcp = new TcpClient { NoDelay = true };
            await tcp.ConnectAsync(socketUrl.Host, socketUrl.Port, timeout.Token);
            Stream stream = tcp.GetStream();
            if (socketUrl.Scheme == "wss")
            {
                var tls = new SslStream(stream);
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = socketUrl.Host }, timeout.Token);
                stream = tls;
            }
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            var handshake = new StringBuilder($"GET {socketUrl.PathAndQuery} HTTP/1.1\r\nHost: {socketUrl.Authority}\r\nUpgrade: websocket\r\n" +
                                              $"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer {accessToken}\r\n");
            foreach (var (name, value) in extraHeaders) handshake.Append(name).Append(": ").Append(value).Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(handshake.Append("\r\n").ToString()), timeout.Token);

            var incoming = new Incoming(stream);
            var status = await incoming.ReadHeadAsync(timeout.Token);
            if (!status.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
                return new FrameAnswer(false, null, clock.Elapsed, $"the handshake was answered '{status}'");

            await stream.WriteAsync(frame, timeout.Token);
            await stream.FlushAsync(timeout.Token);
            while (true)
            {
                var (opcode, payload) = await incoming.ReadFrameAsync(timeout.Token);
                if (opcode is null) return new FrameAnswer(true, null, clock.Elapsed, "the connection ended without a close frame");
                if (opcode == 0x8)
                    return new FrameAnswer(true, payload.Length >= 2 ? (payload[0] << 8) | payload[1] : null, clock.Elapsed,
                        payload.Length > 2 ? Encoding.UTF8.GetString(payload, 2, payload.Length - 2) : "a close frame");
                // Text frames (connection_established, an error) come before the close.
            }
        }
        catch (OperationCanceledException)
        {
            return new FrameAnswer(false, null, clock.Elapsed, $"nothing closed the connection within {deadline.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return new FrameAnswer(true, null, clock.Elapsed, $"the connection was dropped ({e.Message})");
        }
    }

    /// <summary>Reads the server's side: the handshake's head, then frames (server frames are not masked).</summary>
    private sealed class Incoming(Stream stream)
    {
        private readonly byte[] _one = new byte[1];

        public async Task<string> ReadHeadAsync(CancellationToken ct)
        {
            var head = new List<byte>();
            while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
            {
                if (await stream.ReadAsync(_one, ct) == 0) break;
                head.Add(_one[0]);
            }
            var text = Encoding.ASCII.GetString([.. head]);
            return text.Split("\r\n")[0];
        }

        public async Task<(int? Opcode, byte[] Payload)> ReadFrameAsync(CancellationToken ct)
        {
            var header = new byte[2];
            if (!await ReadExactlyAsync(header, ct)) return (null, []);
            long length = header[1] & 0x7F;
            if (length == 126)
            {
                var ext = new byte[2];
                if (!await ReadExactlyAsync(ext, ct)) return (null, []);
                length = (ext[0] << 8) | ext[1];
            }
            else if (length == 127)
            {
                var ext = new byte[8];
                if (!await ReadExactlyAsync(ext, ct)) return (null, []);
                length = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(ext);
            }
            var payload = new byte[Math.Min(length, 1024 * 1024)];
            if (!await ReadExactlyAsync(payload, ct)) return (null, []);
            return (header[0] & 0x0F, payload);
        }

        private async Task<bool> ReadExactlyAsync(byte[] buffer, CancellationToken ct)
        {
            try
            {
                await stream.ReadExactlyAsync(buffer, ct);
                return true;
            }
            catch (EndOfStreamException)
            {
                return false;
            }
        }
    }
}
