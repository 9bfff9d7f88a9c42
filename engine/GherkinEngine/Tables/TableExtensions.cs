using System.Collections.Concurrent;
using System.Reflection;

namespace GherkinEngine.Assist;

/// <summary>
/// Table-to-object helpers with Reqnroll.Assist's names. Columns map to writable properties by name,
/// ignoring case, spaces, '-' and '_'; cells are converted like step arguments (invariant culture).
/// </summary>
public static class TableExtensions
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, PropertyInfo>> Properties = new();

    /// <summary>
    /// One object from a vertical table (<c>| Field | Value |</c> rows) or from the single row of a
    /// horizontal table.
    /// </summary>
    public static T CreateInstance<T>(this DataTable table) where T : new()
    {
        ArgumentNullException.ThrowIfNull(table);
        var header = table.Header.ToArray();
        if (header.Length == 2 && IsFieldValueHeader(header))
            return Fill<T>(table.Rows.Select(r => (r[0], r[1])));
        if (table.RowCount != 1)
            throw new ArgumentException($"CreateInstance needs a | Field | Value | table or exactly one data row; this table has {table.RowCount} rows.");
        return Fill<T>(header.Select((h, i) => (h, table.Rows[0][i])));
    }

    /// <summary>One object per data row.</summary>
    public static IEnumerable<T> CreateSet<T>(this DataTable table) where T : new()
    {
        ArgumentNullException.ThrowIfNull(table);
        var header = table.Header.ToArray();
        return table.Rows.Select(row => Fill<T>(header.Select((h, i) => (h, row[i])))).ToList();
    }

    /// <summary>The (column, value) pairs of a vertical <c>| Field | Value |</c> table or of a single horizontal row.</summary>
    internal static List<(string Column, string Value)> Cells(DataTable table)
    {
        var header = table.Header.ToArray();
        if (header.Length == 2 && IsFieldValueHeader(header))
            return table.Rows.Select(r => (r[0], r[1])).ToList();
        if (table.RowCount != 1)
            throw new ArgumentException($"Needs a | Field | Value | table or exactly one data row; this table has {table.RowCount} rows.");
        return header.Select((h, i) => (h, table.Rows[0][i])).ToList();
    }

    /// <summary>The public property a column names (ignoring case, spaces, '-' and '_'), readable ones included.</summary>
    internal static PropertyInfo? FindProperty(Type type, string column) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .FirstOrDefault(p => Normalize(p.Name) == Normalize(column));

    private static T Fill<T>(IEnumerable<(string Column, string Value)> cells) where T : new()
    {
        var properties = Properties.GetOrAdd(typeof(T), type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
            .GroupBy(p => Normalize(p.Name))
            .ToDictionary(g => g.Key, g => g.First()));
        var instance = new T();
        foreach (var (column, value) in cells)
        {
            if (!properties.TryGetValue(Normalize(column), out var property))
                throw new ArgumentException($"{typeof(T).Name} has no writable property for the column '{column}'. Properties: {string.Join(", ", properties.Values.Select(p => p.Name))}.");
            try
            {
                property.SetValue(instance, ArgumentConverter.For(property.PropertyType)(value));
            }
            catch (Exception e) when (e is FormatException or OverflowException or NotSupportedException or ArgumentException)
            {
                throw new ArgumentException($"Cannot convert '{value}' for {typeof(T).Name}.{property.Name} ({MethodDescriber.TypeName(property.PropertyType)}): {e.Message}", e);
            }
        }
        return instance;
    }

    private static bool IsFieldValueHeader(string[] header) =>
        header[0].Trim().ToLowerInvariant() is "field" or "property" or "name" && header[1].Trim().Equals("value", StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string name) =>
        new string(name.Where(c => c is not (' ' or '_' or '-')).ToArray()).ToLowerInvariant();
}
