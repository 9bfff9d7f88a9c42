namespace GherkinEngine;

/// <summary>Writes to the scenario's test output (shown by xUnit with the step report).</summary>
public interface IReqnrollOutputHelper
{
    void WriteLine(string message);
    void WriteLine(string format, params object[] args);

    /// <summary>Records a file as an attachment (listed in the output).</summary>
    void AddAttachment(string filePath);
}
