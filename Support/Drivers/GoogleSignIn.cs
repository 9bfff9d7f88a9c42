using System.Net;
using System.Text.RegularExpressions;
using System.Web;
using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>Where a Google sign-in ended: at the frontend's callback with tokens, or at its error page.</summary>
public sealed record SignInOutcome(Uri Location, string? AccessToken, string? RefreshToken, string? Error)
{
    public bool SignedIn => AccessToken is not null;
}

/// <summary>
/// Google sign-in the way a browser walks it, as plain HTTP without following redirects, so a scenario can
/// look at (and interfere with) each leg: Netra's auth service → the provider's sign-in page → back to the
/// auth service's callback → the frontend. The contract: /auth/login?provider=google, /auth/callback, then
/// {frontend}/auth/callback#access_token=..&amp;refresh_token=.. or {frontend}/auth/error?error=..
/// </summary>
public sealed partial class GoogleSignIn(EnvironmentContext environment, ScenarioTranscript transcript) : IDisposable
{
    private readonly HttpClient _http = new(new RecordingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }, transcript))
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Asks the auth service to start a Google sign-in; returns the provider address it sends the browser to.</summary>
    public async Task<Uri> StartAsync()
    {
        using var response = await _http.GetAsync(new Uri(environment.Endpoints.Auth, "/auth/login?provider=google"));
        return RedirectOf(response, "the auth service, starting a Google sign-in");
    }

    /// <summary>Asks the auth service to start a sign-in with another provider; its raw answer (status and body).</summary>
    public async Task<(HttpStatusCode Status, string Body)> StartWithAsync(string provider)
    {
        using var response = await _http.GetAsync(new Uri(environment.Endpoints.Auth, $"/auth/login?provider={Uri.EscapeDataString(provider)}"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The query parameters of an address the provider was sent to.</summary>
    public static IReadOnlyDictionary<string, string> ParametersOf(Uri uri) => Parse(uri.Query);

    /// <summary>The person signs in (or cancels) on the provider's page; returns where the provider sends the browser back to.</summary>
    public async Task<Uri> AtProviderAsync(Uri authorize, string email, string name, bool cancel = false)
    {
        using (var page = await _http.GetAsync(authorize))
        {
            var html = await page.Content.ReadAsStringAsync();
            if (page.StatusCode != HttpStatusCode.OK || !html.Contains("idp-email"))
                throw new InvalidOperationException($"The provider did not show its sign-in page ({(int)page.StatusCode}): {Clip(html)}");
        }
        var fields = Parse(authorize.Query);
        fields["email"] = email;
        fields["name"] = name;
        fields["action"] = cancel ? "cancel" : "signin";
        using var response = await _http.PostAsync(new Uri(authorize.GetLeftPart(UriPartial.Path)), new FormUrlEncodedContent(fields));
        return RedirectOf(response, "the provider, after sign-in");
    }

    /// <summary>Asks the provider for its sign-in page as given; the raw answer (a refusal is not followed anywhere).</summary>
    public async Task<(HttpStatusCode Status, string Body, Uri? Location)> AskProviderAsync(Uri authorize)
    {
        using var response = await _http.GetAsync(authorize);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location);
    }

    /// <summary>Delivers the provider's answer to the auth service's callback; returns where the person ends up.</summary>
    public async Task<SignInOutcome> ReturnAsync(Uri callback)
    {
        using var response = await _http.GetAsync(callback);
        var location = RedirectOf(response, "the auth service's sign-in callback");
        var fragment = Parse(location.Fragment.TrimStart('#'));
        var query = Parse(location.Query);
        return new SignInOutcome(location, fragment.GetValueOrDefault("access_token"), fragment.GetValueOrDefault("refresh_token"),
            query.GetValueOrDefault("error"));
    }

    /// <summary>The whole way, as a person who signs in at the provider; also returns the provider's answer.</summary>
    public async Task<(SignInOutcome Outcome, Uri Callback)> SignInAsync(string email, string name)
    {
        var callback = await AtProviderAsync(await StartAsync(), email, name);
        return (await ReturnAsync(callback), callback);
    }

    /// <summary>The same address with one query parameter replaced.</summary>
    public static Uri WithParameter(Uri uri, string name, string value)
    {
        var query = Parse(uri.Query);
        query[name] = value;
        return new Uri(uri.GetLeftPart(UriPartial.Path) + "?" + string.Join("&", query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")));
    }

    private static Dictionary<string, string> Parse(string query)
    {
        var parsed = HttpUtility.ParseQueryString(query.TrimStart('?'));
        return parsed.AllKeys.OfType<string>().ToDictionary(k => k, k => parsed[k] ?? "");
    }

    private static Uri RedirectOf(HttpResponseMessage response, string who)
    {
        if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is null)
            throw new InvalidOperationException($"Expected {who} to send the browser on, but it answered {(int)response.StatusCode}: " +
                                                Clip(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()));
        var location = response.Headers.Location;
        return location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
    }

    private static string Clip(string text) => Whitespace().Replace(text, " ") is var t && t.Length > 300 ? t[..300] + "…" : Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public void Dispose() => _http.Dispose();
}
