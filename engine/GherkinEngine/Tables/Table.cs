namespace GherkinEngine;

/// <summary>
/// Reqnroll's older name for <see cref="DataTable"/>. The engine always passes a <see cref="Table"/>,
/// so a step parameter may be declared as either type.
/// </summary>
public class Table : DataTable
{
    public Table(params string[] header) : base(header) { }
}
