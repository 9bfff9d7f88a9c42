using System.Globalization;
using Xunit;

namespace GherkinEngine;

/// <summary>
/// xUnit's <see cref="ITestOutputHelper"/> for bindings (Reqnroll.xUnit injects it too), writing into
/// the scenario's output so lines stay in order with the step report.
/// </summary>
internal sealed class ScenarioTestOutputHelper(ScenarioOutput output) : ITestOutputHelper
{
    public string Output => output.ToString();

    public void Write(string message) => output.Write(message);

    public void Write(string format, params object[] args) => output.Write(string.Format(CultureInfo.InvariantCulture, format, args));

    public void WriteLine(string message) => output.WriteLine(message);

    public void WriteLine(string format, params object[] args) => output.WriteLine(format, args);
}
