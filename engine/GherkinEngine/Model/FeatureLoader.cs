using System.Collections.Concurrent;
using Gherkin;

namespace GherkinEngine.Runner;

/// <summary>Reads and parses .feature files with Cucumber's official Gherkin parser.</summary>
public static class FeatureLoader
{
    // Discovery and execution run in one process: each file is parsed once.
    private static readonly ConcurrentDictionary<string, Lazy<FeatureDefinition>> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// Loads a feature file by its path relative to <see cref="AppContext.BaseDirectory"/> (where the
    /// build copies the features), cached per process. Read and parse errors are returned in
    /// <see cref="FeatureDefinition.ParseError"/>, never thrown.
    /// </summary>
    public static FeatureDefinition Load(string relativePath, string? sourcePath = null) =>
        Cache.GetOrAdd(relativePath, p => new Lazy<FeatureDefinition>(() => LoadUncached(p, sourcePath))).Value;

    /// <summary>Parses feature text (not cached). Parse errors are returned in <see cref="FeatureDefinition.ParseError"/>.</summary>
    /// <param name="defaultLanguage">The dialect of a file without <c># language:</c> (default: reqnroll.json's <c>language.feature</c>, else en).</param>
    public static FeatureDefinition Parse(string text, string filePath = "inline.feature", string? sourcePath = null, string? defaultLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var parser = new Parser();
            var matcher = new TokenMatcher(new GherkinDialectProvider(defaultLanguage ?? EngineConfiguration.Instance.FeatureLanguage));
            var document = parser.Parse(new TokenScanner(new StringReader(text)), matcher);
            return FeatureCompiler.Compile(document, filePath, sourcePath, text);
        }
        catch (CompositeParserException e)
        {
            return Failed(filePath, sourcePath, string.Join(Environment.NewLine, e.Errors.Select(x => x.Message)));
        }
        catch (ParserException e)
        {
            return Failed(filePath, sourcePath, e.Message);
        }
    }

    private static FeatureDefinition LoadUncached(string relativePath, string? sourcePath)
    {
        var fullPath = Path.Combine(AppContext.BaseDirectory, relativePath);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(relativePath, sourcePath,
                $"Cannot read feature file '{fullPath}': {e.Message} (feature files are copied to the output folder by GherkinEngine.targets)");
        }
        return Parse(text, relativePath, sourcePath ?? fullPath);
    }

    private static FeatureDefinition Failed(string filePath, string? sourcePath, string message) =>
        new(filePath, sourcePath, Path.GetFileNameWithoutExtension(filePath), string.Empty, "en",
            Array.Empty<string>(), Array.Empty<ScenarioDefinition>(), $"{filePath}: {message}");
}
