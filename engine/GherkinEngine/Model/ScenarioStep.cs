namespace GherkinEngine.Runner;

/// <summary>A step ready to run: keyword type resolved (And/But inherit), placeholders substituted.</summary>
public sealed class ScenarioStep
{
    internal ScenarioStep(
        string keyword, StepDefinitionType? type, string text, int line, bool isBackground,
        IReadOnlyList<string[]>? tableRows, string? docString, string? docStringContentType)
    {
        Keyword = keyword;
        Type = type;
        Text = text;
        Line = line;
        IsBackground = isBackground;
        TableRows = tableRows;
        DocString = docString;
        DocStringContentType = docStringContentType;
    }

    /// <summary>The keyword as written, e.g. <c>Given</c>, <c>And</c>, <c>*</c>, <c>Angenommen</c>.</summary>
    public string Keyword { get; }

    /// <summary>Given/When/Then after And/But inheritance; <c>null</c> for <c>*</c> (matches any binding).</summary>
    public StepDefinitionType? Type { get; }

    public string Text { get; }
    public int Line { get; }
    public bool IsBackground { get; }

    /// <summary>Raw data table rows (first row = header), or <c>null</c>.</summary>
    public IReadOnlyList<string[]>? TableRows { get; }

    public string? DocString { get; }
    public string? DocStringContentType { get; }

    internal bool HasArgument => TableRows is not null || DocString is not null;

    /// <summary>A fresh table per use: step code may modify the table it receives.</summary>
    internal Table? CreateTable() => TableRows is null ? null : DataTable.FromRows(TableRows, h => new Table(h));

    public override string ToString() => $"{Keyword} {Text}";
}
