namespace GherkinEngine;

/// <summary>The step being run.</summary>
public sealed class StepInfo
{
    internal StepInfo(ScenarioStep step, Table? table)
    {
        StepDefinitionType = step.Type ?? StepDefinitionType.Given;
        Keyword = step.Keyword;
        Text = step.Text;
        Line = step.Line;
        Table = table;
        MultilineText = step.DocString;
    }

    /// <summary>Given/When/Then after And/But inheritance (Given for <c>*</c>).</summary>
    public StepDefinitionType StepDefinitionType { get; }

    /// <summary>The keyword as written (<c>And</c>, <c>*</c>, ...).</summary>
    public string Keyword { get; }

    public string Text { get; }
    public int Line { get; }
    public DataTable? Table { get; }

    /// <summary>The doc string, if any.</summary>
    public string? MultilineText { get; }

    public override string ToString() => $"{Keyword} {Text}";
}

/// <summary>The current step's context (<see cref="ScenarioContext.StepContext"/>).</summary>
public sealed class ScenarioStepContext
{
    internal ScenarioStepContext(StepInfo stepInfo) => StepInfo = stepInfo;

    public StepInfo StepInfo { get; }

    /// <summary>The step's outcome once known (OK while running).</summary>
    public ScenarioExecutionStatus Status { get; internal set; } = ScenarioExecutionStatus.OK;
}
