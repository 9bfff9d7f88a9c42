using System.Runtime.CompilerServices;
using Xunit;
using Xunit.v3;

namespace XunitV3Adapter;

/// <summary>Marks the method that runs one scenario; <see cref="ScenarioDiscoverer"/> yields one test case per scenario.</summary>
[XunitTestCaseDiscoverer(typeof(ScenarioDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ScenariosAttribute(
    [CallerFilePath] string? sourceFilePath = null,
    [CallerLineNumber] int sourceLineNumber = -1) : FactAttribute(sourceFilePath, sourceLineNumber);
