namespace Netra.Shared.Time;

/// <summary>
/// How every service writes a moment: ISO 8601 in UTC with microseconds and a Z suffix, e.g. 2025-01-31T12:00:00.000000Z,
/// so two services' times read alike and sort correctly as text.
/// </summary>
public static class Timestamps
{
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static string Now() => Format(DateTimeOffset.UtcNow);
}
