namespace Netra.Auth.Sso;

/// <summary>
/// Google sign-in (OpenID Connect authorization-code flow). Enabled when GOOGLE_AUTHORITY, GOOGLE_CLIENT_ID,
/// GOOGLE_CLIENT_SECRET and AUTH_PUBLIC_URL are all set; the redirect URI is {AUTH_PUBLIC_URL}/auth/callback.
/// </summary>
public sealed record GoogleSettings(string? Authority, string? ClientId, string? ClientSecret, string? PublicUrl, TimeSpan StateLifetime)
{
    public bool Enabled => Authority is not null && ClientId is not null && ClientSecret is not null && PublicUrl is not null;
    public string RedirectUri => $"{PublicUrl}/auth/callback";

    public static GoogleSettings FromEnvironment()
    {
        static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v.Trim() : null;
        return new GoogleSettings(Env("GOOGLE_AUTHORITY")?.TrimEnd('/'), Env("GOOGLE_CLIENT_ID"), Env("GOOGLE_CLIENT_SECRET"),
            Env("AUTH_PUBLIC_URL")?.TrimEnd('/'), TimeSpan.FromMinutes(10));
    }
}
