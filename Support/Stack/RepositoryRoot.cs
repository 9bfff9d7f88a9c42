namespace Netra.Acceptance.Support.Stack;

/// <summary>Finds the repository root: the folder holding global.json above the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "global.json")) && Directory.Exists(Path.Combine(dir.FullName, "stack")))
                return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
