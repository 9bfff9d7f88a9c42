using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace GherkinEngine.Assist;

/// <summary>A table did not match the objects it was compared with; the message shows the difference.</summary>
public sealed class ComparisonException(string message) : Exception(message);

/// <summary>
/// Table-to-object comparisons with Reqnroll.Assist's names. Only the table's columns are compared
/// (properties matched like <see cref="TableExtensions.CreateInstance{T}"/>); a cell equals a value when
/// it converts to the property's type and is equal, or when its text equals the value's invariant text
/// (ignoring case for enums and booleans); an empty cell equals null.
/// </summary>
public static class TableComparisonExtensions
{
    /// <summary>
    /// Compares a <c>| Field | Value |</c> table (or one horizontal row) with an object; on mismatch throws
    /// <see cref="ComparisonException"/> listing every differing field with expected and actual values.
    /// </summary>
    public static void CompareToInstance<T>(this DataTable table, T instance)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (instance is null)
            throw new ComparisonException("The actual object is null.");
        var cells = TableExtensions.Cells(table);
        var problems = new List<string>();
        foreach (var (column, expected) in cells)
        {
            var property = Property(typeof(T), column);
            if (property is null)
            {
                problems.Add($"{column}: {typeof(T).Name} has no property '{column}'");
                continue;
            }
            var actual = property.GetValue(instance);
            if (!CellEquals(expected, actual, property.PropertyType))
                problems.Add($"{column}: expected '{expected}' but was '{Text(actual)}'");
        }
        if (problems.Count > 0)
            throw new ComparisonException(
                $"The {typeof(T).Name} does not match the table:\n  " + string.Join("\n  ", problems) +
                "\n\n" + Render(new[] { "Field", "Expected", "Actual" },
                    cells.Select(c => (Property(typeof(T), c.Column) is { } p ? (Prefix: CellEquals(c.Value, p.GetValue(instance), p.PropertyType) ? " " : "~",
                        Cells: new[] { c.Column, c.Value, Text(p.GetValue(instance)) }) : (Prefix: "~", Cells: new[] { c.Column, c.Value, "(no such property)" })))));
    }

    /// <summary>
    /// Compares the table's rows with a set of objects. By default order does not matter; with
    /// <paramref name="sequentialEquality"/> the n-th row must match the n-th object. On mismatch throws
    /// <see cref="ComparisonException"/> with the table marked: <c>-</c> rows expected but not found,
    /// <c>+</c> objects found but not expected.
    /// </summary>
    public static void CompareToSet<T>(this DataTable table, IEnumerable<T> set, bool sequentialEquality = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(set);
        var header = table.Header.ToArray();
        var properties = header.Select(h => Property(typeof(T), h)).ToArray();
        var missingColumns = header.Where((h, i) => properties[i] is null).ToList();
        if (missingColumns.Count > 0)
            throw new ComparisonException($"{typeof(T).Name} has no properties for the columns: {string.Join(", ", missingColumns)}.");

        var actual = set.ToList();
        var rows = table.Rows.Select(r => r.Values.ToArray()).ToList();
        bool RowMatches(string[] row, T item) => item is not null &&
            properties.Select((p, i) => CellEquals(row[i], p!.GetValue(item), p.PropertyType)).All(x => x);
        string[] AsRow(T item) => properties.Select(p => item is null ? "(null)" : Text(p!.GetValue(item))).ToArray();

        var lines = new List<(string Prefix, string[] Cells)>();
        var failed = false;
        if (sequentialEquality)
        {
            for (var i = 0; i < Math.Max(rows.Count, actual.Count); i++)
            {
                if (i < rows.Count && i < actual.Count && RowMatches(rows[i], actual[i]))
                {
                    lines.Add((" ", rows[i]));
                    continue;
                }
                failed = true;
                if (i < rows.Count)
                    lines.Add(("-", rows[i]));
                if (i < actual.Count)
                    lines.Add(("+", AsRow(actual[i])));
            }
        }
        else
        {
            var unmatched = new List<T>(actual);
            foreach (var row in rows)
            {
                var index = unmatched.FindIndex(item => RowMatches(row, item));
                if (index >= 0)
                {
                    unmatched.RemoveAt(index);
                    lines.Add((" ", row));
                }
                else
                {
                    failed = true;
                    lines.Add(("-", row));
                }
            }
            foreach (var item in unmatched)
            {
                failed = true;
                lines.Add(("+", AsRow(item)));
            }
        }
        if (failed)
            throw new ComparisonException(
                $"The table does not match the {actual.Count} {typeof(T).Name} object(s)" + (sequentialEquality ? " in order" : "") +
                " ('-' expected but not found, '+' found but not expected):\n" + Render(header, lines));
    }

    internal static bool CellEquals(string expected, object? actual, Type type)
    {
        if (actual is null)
            return expected.Length == 0 || expected.Equals("null", StringComparison.OrdinalIgnoreCase);
        var text = Text(actual);
        if (string.Equals(text, expected, StringComparison.Ordinal))
            return true;
        if ((type.IsEnum || Nullable.GetUnderlyingType(type)?.IsEnum == true || actual is bool) &&
            string.Equals(text, expected.Trim(), StringComparison.OrdinalIgnoreCase))
            return true;
        try
        {
            var converted = ArgumentConverter.For(type)(expected);
            return Equals(converted, actual);
        }
        catch (Exception e) when (e is FormatException or OverflowException or NotSupportedException or ArgumentException or InvalidCastException)
        {
            return false;
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "(null)",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => string.Join(", ", e.Cast<object?>().Select(Text)),
        _ => value.ToString() ?? string.Empty,
    };

    private static PropertyInfo? Property(Type type, string column) => TableExtensions.FindProperty(type, column);

    private static string Render(string[] header, IEnumerable<(string Prefix, string[] Cells)> rows)
    {
        var all = new List<(string Prefix, string[] Cells)> { (" ", header) };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(r => r.Cells[i].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var (prefix, cells) in all)
        {
            sb.Append(prefix).Append(" |");
            for (var i = 0; i < widths.Length; i++)
                sb.Append(' ').Append(cells[i].PadRight(widths[i])).Append(" |");
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
