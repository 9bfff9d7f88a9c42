namespace XunitV3Adapter;

/// <summary>Links a generated test class to its feature file (path relative to the output folder).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class FeatureFileAttribute(string path) : Attribute
{
    /// <summary>Path relative to <see cref="AppContext.BaseDirectory"/>, e.g. <c>Features/Login.feature</c>.</summary>
    public string Path { get; } = path;

    /// <summary>The feature's path in the source tree (reported as the test case's source file).</summary>
    public string? SourcePath { get; set; }
}
