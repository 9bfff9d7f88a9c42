namespace GherkinEngine;

/// <summary>Writes to the scenario's test output (shown by xUnit with the step report) and attaches files to the reports.</summary>
public interface IReqnrollOutputHelper
{
    void WriteLine(string message);
    void WriteLine(string format, params object[] args);

    /// <summary>
    /// Attaches a file to the current scenario (and step): its content is read now and embedded in the HTML
    /// report (images shown inline) and the Cucumber Messages; the path is listed in the output.
    /// </summary>
    void AddAttachment(string filePath);

    /// <summary>Attaches content (e.g. a screenshot's bytes) to the current scenario and step.</summary>
    void AddAttachment(string name, byte[] content, string mediaType);
}
