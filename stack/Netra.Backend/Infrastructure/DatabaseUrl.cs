using Npgsql;

namespace Netra.Backend.Infrastructure;

/// <summary>
/// DATABASE_URL, as the Netra services take it: <c>postgresql://user[:password]@host[:port]/database</c>
/// (an Npgsql connection string, <c>Host=…;Database=…</c>, is accepted too).
/// </summary>
public static class DatabaseUrl
{
    public const string Default = "postgresql://netra@127.0.0.1:5432/netra_backend";

    public static string? ToConnectionString(string value, out string? error)
    {
        error = null;
        if (!value.Contains("://", StringComparison.Ordinal))
        {
            try { return new NpgsqlConnectionStringBuilder(value).ConnectionString; }
            catch (ArgumentException ex) { error = $"DATABASE_URL is not a valid connection string: {ex.Message}"; return null; }
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgresql" or "postgres")
            || uri.AbsolutePath.Trim('/').Length == 0)
        {
            error = "DATABASE_URL must look like postgresql://user[:password]@host[:port]/database.";
            return null;
        }
        var credentials = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/')),
            Username = credentials[0].Length > 0 ? Uri.UnescapeDataString(credentials[0]) : null,
            Password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : null,
        };
        return builder.ConnectionString;
    }
}
