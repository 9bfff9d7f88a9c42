using System.Collections;

namespace GherkinEngine;

/// <summary>The data rows of a <see cref="DataTable"/>, indexable by position.</summary>
public sealed class DataTableRows : IEnumerable<DataTableRow>
{
    private readonly List<DataTableRow> _rows;

    internal DataTableRows(List<DataTableRow> rows) => _rows = rows;

    public int Count => _rows.Count;

    public DataTableRow this[int index] => _rows[index];

    public IEnumerator<DataTableRow> GetEnumerator() => _rows.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
