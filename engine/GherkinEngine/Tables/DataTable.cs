using System.Text;

namespace GherkinEngine;

/// <summary>
/// A Gherkin data table passed to a step method (Reqnroll's <c>DataTable</c>).
/// The first table row is the header; <see cref="Rows"/> are the remaining rows.
/// </summary>
public class DataTable
{
    private readonly List<string> _header;
    private readonly List<DataTableRow> _rows = new();

    public DataTable(params string[] header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.Distinct(StringComparer.Ordinal).Count() != header.Length)
            throw new ArgumentException("A data table header may not contain the same column twice: " + string.Join(", ", header), nameof(header));
        _header = header.ToList();
        Rows = new DataTableRows(_rows);
    }

    /// <summary>The column names, in table order.</summary>
    public ICollection<string> Header => _header.AsReadOnly();

    /// <summary>The data rows (the header row excluded).</summary>
    public DataTableRows Rows { get; }

    public int RowCount => _rows.Count;

    public bool ContainsColumn(string column) => _header.Contains(column);

    public void AddRow(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _header.Count)
            throw new ArgumentException($"The row has {cells.Length} cell(s) but the table has {_header.Count} column(s).", nameof(cells));
        _rows.Add(new DataTableRow(this, cells));
    }

    public void AddRow(IDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        AddRow(_header.Select(h => values.TryGetValue(h, out var v) ? v : string.Empty).ToArray());
    }

    public void RenameColumn(string oldColumn, string newColumn)
    {
        var index = IndexOf(oldColumn);
        if (_header.Contains(newColumn))
            throw new ArgumentException($"The table already has a column '{newColumn}'.", nameof(newColumn));
        _header[index] = newColumn;
    }

    internal int ColumnCount => _header.Count;

    internal bool TryGetIndex(string column, out int index)
    {
        index = _header.IndexOf(column);
        return index >= 0;
    }

    internal int IndexOf(string column) =>
        TryGetIndex(column, out var index)
            ? index
            : throw new KeyNotFoundException($"The data table has no column '{column}'. Columns: {string.Join(", ", _header)}.");

    internal string ColumnAt(int index) => _header[index];

    /// <summary>Renders the table in Gherkin syntax (cells padded to the column width).</summary>
    public override string ToString()
    {
        var all = new List<IReadOnlyList<string>> { _header };
        all.AddRange(_rows.Select(r => (IReadOnlyList<string>)r.Values.ToList()));
        var widths = Enumerable.Range(0, _header.Count).Select(i => all.Max(r => r[i].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var row in all)
        {
            sb.Append('|');
            for (var i = 0; i < widths.Length; i++)
                sb.Append(' ').Append(row[i].PadRight(widths[i])).Append(" |");
            sb.AppendLine();
        }
        return sb.ToString();
    }

    /// <summary>Builds a table from Gherkin rows (first row = header).</summary>
    internal static T FromRows<T>(IReadOnlyList<string[]> rows, Func<string[], T> create) where T : DataTable
    {
        var table = create(rows.Count > 0 ? rows[0] : Array.Empty<string>());
        for (var i = 1; i < rows.Count; i++)
            table.AddRow(rows[i]);
        return table;
    }
}
