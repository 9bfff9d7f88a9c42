using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Netra.Backend.WebSockets;

/// <summary>
/// Accepts a WebSocket as ASP.NET Core's AcceptWebSocketAsync does (RFC 6455 handshake over the upgraded stream), but
/// reads the client's frame headers as they arrive. A frame that announces a payload larger than
/// <see cref="MaxFrameBytes"/> is answered at once with close 1009 (message too big) and the connection ends: the
/// socket API only sees a frame's bytes as they come, so a header announcing 2^62 bytes followed by nothing would
/// otherwise hold the connection open, answered by nothing. A frame the client did not mask is closed with 1002, as
/// RFC 6455 requires (the socket API takes it). (A message over the contract's 8 KB but under this bound
/// is read, dropped and answered with MESSAGE_TOO_LARGE, and the connection stays open.)
/// </summary>
public static class GuardedWebSocket
{
    public const long MaxFrameBytes = 1024 * 1024;

    private const string HandshakeGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    public static async Task<WebSocket> AcceptAsync(HttpContext context, string? subProtocol, TimeSpan keepAlive)
    {
        var upgrade = context.Features.GetRequiredFeature<IHttpUpgradeFeature>();
        var key = context.Request.Headers.SecWebSocketKey.ToString();
        context.Response.Headers.Connection = "Upgrade";
        context.Response.Headers.Upgrade = "websocket";
        context.Response.Headers.SecWebSocketAccept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + HandshakeGuid)));
        if (subProtocol is not null) context.Response.Headers.SecWebSocketProtocol = subProtocol;
        var stream = await upgrade.UpgradeAsync(); // sends 101 Switching Protocols
        return WebSocket.CreateFromStream(new FrameGuardStream(stream), new WebSocketCreationOptions
        {
            IsServer = true,
            SubProtocol = subProtocol,
            KeepAliveInterval = keepAlive,
        });
    }

    /// <summary>Follows the client's frames through the stream; ends the connection with 1009 on an oversized one.</summary>
    private sealed class FrameGuardStream(Stream inner) : Netra.Shared.IO.WrappingStream(inner)
    {
        private readonly SemaphoreSlim _writing = new(1, 1);
        private readonly byte[] _header = new byte[14];
        private int _headerLength;
        private long _payloadLeft;
        private bool _refused;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_refused) return 0;
            var read = await Inner.ReadAsync(buffer, cancellationToken);
            if (read > 0 && Refusal(buffer.Span[..read]) is { } refusal)
            {
                _refused = true;
                await RefuseAsync(refusal.Status, refusal.Reason, cancellationToken);
                return 0; // the socket sees the connection end
            }
            return read;
        }

        /// <summary>Walks the bytes: header bytes are collected until the payload length is known, payload bytes skipped.</summary>
        private (WebSocketCloseStatus Status, string Reason)? Refusal(ReadOnlySpan<byte> bytes)
        {
            var i = 0;
            while (i < bytes.Length)
            {
                if (_payloadLeft > 0)
                {
                    var skip = (int)Math.Min(_payloadLeft, bytes.Length - i);
                    _payloadLeft -= skip;
                    i += skip;
                    continue;
                }
                _header[_headerLength++] = bytes[i++];
                if (_headerLength < 2) continue;
                var length7 = _header[1] & 0x7F;
                var lengthBytes = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
                // RFC 6455 §5.1: a server must close the connection on a client frame that is not masked.
                if ((_header[1] & 0x80) == 0) return (WebSocketCloseStatus.ProtocolError, "Client frames must be masked");
                const int maskBytes = 4;
                if (_headerLength < 2 + lengthBytes + maskBytes) continue;
                var payload = lengthBytes switch
                {
                    2 => (long)((_header[2] << 8) | _header[3]),
                    8 => (long)(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(_header.AsSpan(2, 8)) & long.MaxValue),
                    _ => length7,
                };
                if (payload > MaxFrameBytes) return (WebSocketCloseStatus.MessageTooBig, $"Frames are limited to {MaxFrameBytes} bytes");
                _payloadLeft = payload;
                _headerLength = 0;
            }
            return null;
        }

        private async Task RefuseAsync(WebSocketCloseStatus status, string text, CancellationToken cancellationToken)
        {
            var reason = Encoding.UTF8.GetBytes(text);
            var close = new byte[4 + reason.Length];
            close[0] = 0x88; // FIN + close
            close[1] = (byte)(2 + reason.Length);
            close[2] = (byte)((int)status >> 8);
            close[3] = (byte)((int)status & 0xFF);
            reason.CopyTo(close, 4);
            await _writing.WaitAsync(cancellationToken);
            try
            {
                await Inner.WriteAsync(close, cancellationToken);
                await Inner.FlushAsync(cancellationToken);
            }
            finally
            {
                _writing.Release();
            }
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            // One frame per write from the socket; the refusal's close frame never lands in the middle of one.
            await _writing.WaitAsync(cancellationToken);
            try
            {
                if (!_refused) await Inner.WriteAsync(buffer, cancellationToken);
            }
            finally
            {
                _writing.Release();
            }
        }
    }
}
