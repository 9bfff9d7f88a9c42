namespace Netra.Acceptance.Support.Stack;

/// <summary>
/// The addresses of the three Netra services a scenario talks to, and of the LLM provider's
/// controllable stand-in when there is one (the local stack's, or NETRA_LLM_PROVIDER_URL).
/// </summary>
public sealed record ServiceEndpoints(Uri Auth, Uri Backend, Uri Frontend, Uri? LlmProvider = null)
{
    /// <summary>The backend's chat socket, same host and port, ws scheme.</summary>
    public Uri ChatSocket => new UriBuilder(Backend) { Scheme = Backend.Scheme == "https" ? "wss" : "ws", Path = "/ws" }.Uri;

    public IEnumerable<(string Name, Uri Url)> All =>
        [("auth", Auth), ("backend", Backend), ("frontend", Frontend)];
}
