using System.Security.Cryptography;
using System.Text;
using Gherkin.CucumberMessages;

namespace XunitV3Adapter.Gherkin;

/// <summary>
/// Ids for a feature's Gherkin document and pickles that are unique across the run (Cucumber Messages join a
/// run's features by id) and the same every time the file is parsed: a hash of the feature's path and text,
/// then a counter. Reqnroll's generator seeds its ids the same way.
/// </summary>
internal sealed class FeatureIds(string path, string text) : IIdGenerator
{
    private readonly string _prefix = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(path + "\n" + text)))[..12].ToLowerInvariant();
    private int _next;

    public string GetNewId() => $"{_prefix}-{_next++}";
}
