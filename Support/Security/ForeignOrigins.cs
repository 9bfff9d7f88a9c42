namespace Netra.Acceptance.Support.Security;

/// <summary>Web addresses of pages that are not Netra's, for the checks that the live connection refuses them.</summary>
public static class ForeignOrigins
{
    /// <summary>
    /// A stranger's site, and sites whose address begins with Netra's (a prefix comparison takes them for Netra's): one more
    /// digit in the port, or more host after a default port; and one with more host after the port, which is no address at all.
    /// </summary>
    public static IEnumerable<string> LookingLike(Uri netra)
    {
        var authority = netra.GetLeftPart(UriPartial.Authority);
        yield return "https://evil.example";
        if (netra.IsDefaultPort) yield return $"{netra.Scheme}://{netra.Host}.evil.example";
        else if (netra.Port * 10 + 1 <= 65535) yield return authority + "1";
        yield return authority + ".evil.example";
    }
}
