namespace Netra.Auth;

public static class Iso
{
    /// <summary>ISO 8601 in UTC with milliseconds, e.g. 2025-01-31T12:00:00.000Z.</summary>
    public static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
}
