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
}
