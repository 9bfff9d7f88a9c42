namespace Netra.Acceptance.Support.Evidence;

/// <summary>A failed scenario's evidence folder: writes its files.</summary>
public sealed class EvidenceReport(string folder)
{
    public void Write(string name, string content)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
    }
}

public static class EvidenceFolder
{
    /// <summary>A readable, unique folder per failed scenario: evidence/&lt;time&gt;-&lt;scenario title&gt;.</summary>
    public static string For(string resultsDirectory, string scenarioTitle)
    {
        var safe = new string(scenarioTitle.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        if (safe.Length > 80) safe = safe[..80];
        return Path.Combine(resultsDirectory, "evidence", $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{safe}");
    }
}
