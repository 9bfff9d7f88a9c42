using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GherkinEngine;

/// <summary>
/// One data row of a <see cref="DataTable"/>: a read-only dictionary from column name to cell,
/// also indexable by column position.
/// </summary>
public sealed class DataTableRow : IDictionary<string, string>
{
    private readonly DataTable _table;
    private readonly string[] _cells;

    internal DataTableRow(DataTable table, string[] cells)
    {
        _table = table;
        _cells = cells;
    }

    /// <summary>The cell in the named column (throws naming the available columns when it does not exist).</summary>
    public string this[string header]
    {
        get => _cells[_table.IndexOf(header)];
        set => _cells[_table.IndexOf(header)] = value;
    }

    /// <summary>The cell at the given column position.</summary>
    public string this[int index] => _cells[index];

    public ICollection<string> Keys => _table.Header;
    public ICollection<string> Values => Array.AsReadOnly(_cells);
    public int Count => _cells.Length;
    public bool IsReadOnly => true;

    public string GetString(string column) => this[column];
    public int GetInt32(string column) => int.Parse(this[column], NumberStyles.Integer, CultureInfo.InvariantCulture);
    public long GetInt64(string column) => long.Parse(this[column], NumberStyles.Integer, CultureInfo.InvariantCulture);
    public decimal GetDecimal(string column) => decimal.Parse(this[column], NumberStyles.Number, CultureInfo.InvariantCulture);
    public double GetDouble(string column) => double.Parse(this[column], NumberStyles.Float, CultureInfo.InvariantCulture);
    public float GetSingle(string column) => float.Parse(this[column], NumberStyles.Float, CultureInfo.InvariantCulture);
    public bool GetBoolean(string column) => bool.Parse(this[column]);
    public Guid GetGuid(string column) => Guid.Parse(this[column]);
    public DateTime GetDateTime(string column) => DateTime.Parse(this[column], CultureInfo.InvariantCulture);
    public TEnum GetEnum<TEnum>(string column) where TEnum : struct, Enum => Enum.Parse<TEnum>(this[column], ignoreCase: true);

    public bool ContainsKey(string key) => _table.TryGetIndex(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (_table.TryGetIndex(key, out var index))
        {
            value = _cells[index];
            return true;
        }
        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _cells.Length; i++)
            yield return new KeyValuePair<string, string>(_table.ColumnAt(i), _cells[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Contains(KeyValuePair<string, string> item) => TryGetValue(item.Key, out var v) && v == item.Value;

    public void CopyTo(KeyValuePair<string, string>[] array, int arrayIndex)
    {
        foreach (var pair in this)
            array[arrayIndex++] = pair;
    }

    public override string ToString() => "| " + string.Join(" | ", _cells) + " |";

    // The row's shape follows its table, so adding or removing cells is not supported.
    void IDictionary<string, string>.Add(string key, string value) => throw new NotSupportedException();
    bool IDictionary<string, string>.Remove(string key) => throw new NotSupportedException();
    void ICollection<KeyValuePair<string, string>>.Add(KeyValuePair<string, string> item) => throw new NotSupportedException();
    void ICollection<KeyValuePair<string, string>>.Clear() => throw new NotSupportedException();
    bool ICollection<KeyValuePair<string, string>>.Remove(KeyValuePair<string, string> item) => throw new NotSupportedException();
}
