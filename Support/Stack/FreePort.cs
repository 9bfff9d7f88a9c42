using System.Net;
using System.Net.Sockets;

namespace Netra.Acceptance.Support.Stack;

public static class FreePort
{
    /// <summary>Asks the OS for a free loopback port (released at once, so the service can bind it).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A free loopback port below 6554, so that one more digit still makes a valid port: the website's origin then
    /// has a look-alike (http://127.0.0.1:3210 and http://127.0.0.1:32101) that a prefix comparison would let in.
    /// </summary>
    public static int NextShort()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(2000, 6554);
            if (BrowsersRefuse.Contains(port)) continue;
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) { /* taken: try another */ }
        }
        return Next();
    }

    // Chromium's and Firefox's restricted ports in that range (net/base/port_util.cc): a page there fails with
    // ERR_UNSAFE_PORT. Next() gets the OS's ephemeral ports (32768 and up on Linux), where browsers refuse none.
    private static readonly HashSet<int> BrowsersRefuse = [2049, 3659, 4045, 4190, 5060, 5061, 6000];
}
