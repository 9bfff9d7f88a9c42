namespace Netra.Acceptance.Support.Stack;

/// <summary>The addresses of the three Netra services a scenario talks to.</summary>
public sealed record ServiceEndpoints(Uri Auth, Uri Backend, Uri Frontend)
{
    /// <summary>The backend's chat socket, same host and port, ws scheme.</summary>
    public Uri ChatSocket => new UriBuilder(Backend) { Scheme = Backend.Scheme == "https" ? "wss" : "ws", Path = "/ws" }.Uri;

    public IEnumerable<(string Name, Uri Url)> All =>
        [("auth", Auth), ("backend", Backend), ("frontend", Frontend)];
}
