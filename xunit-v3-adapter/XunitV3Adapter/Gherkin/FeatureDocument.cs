using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;

namespace XunitV3Adapter.Gherkin;

/// <summary>
/// A parsed <c>.feature</c> file as Reqnroll's generator would see it: the Cucumber Messages of the feature
/// (source, Gherkin document, pickles; what Reqnroll's formatters need) and one <see cref="ScenarioCase"/>
/// per pickle, in file order. Reqnroll's generator embeds the same three messages in the test assembly;
/// here they are made from the file at discovery and at run time, with Gherkin's own converter and compiler.
/// </summary>
public sealed class FeatureDocument
{
    private FeatureDocument(string path, string? sourcePath)
    {
        Path = path;
        SourcePath = sourcePath;
    }

    /// <summary>The path relative to the output folder, with '/' (also the Cucumber Messages <c>uri</c>).</summary>
    public string Path { get; }

    /// <summary>The file in the source tree, reported as each test case's source file.</summary>
    public string? SourcePath { get; }

    /// <summary>Why the file could not be read or parsed; <c>null</c> when it was.</summary>
    public string? ParseError { get; private init; }

    public string Title { get; private init; } = "";
    public string Description { get; private init; } = "";
    public string Language { get; private init; } = "en";
    public string[] Tags { get; private init; } = [];
    public IReadOnlyList<ScenarioCase> Scenarios { get; private init; } = [];

    public Source? Source { get; private init; }
    public GherkinDocument? GherkinDocument { get; private init; }
    public IReadOnlyList<Pickle> Pickles { get; private init; } = [];

    /// <summary>The folder part of <see cref="Path"/> (Reqnroll's <c>FeatureInfo.FolderPath</c>).</summary>
    public string FolderPath => System.IO.Path.GetDirectoryName(Path)?.Replace('\\', '/') ?? "";

    public ScenarioCase? FindScenario(string key) => Scenarios.FirstOrDefault(s => s.Key == key);

    // Discovery and the run happen in one process: each file is parsed once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, FeatureDocument> Loaded = new();

    /// <summary>Reads a feature file from the output folder (<paramref name="path"/> is relative to it), once per process.</summary>
    public static FeatureDocument Load(string path, string? sourcePath = null) =>
        Loaded.GetOrAdd(path, p => Read(p, sourcePath, AdapterConfiguration.DefaultFeatureLanguage));

    private static FeatureDocument Read(string path, string? sourcePath, string defaultLanguage)
    {
        var fullPath = System.IO.Path.Combine(AppContext.BaseDirectory, path);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (IOException e)
        {
            return new FeatureDocument(path, sourcePath) { Title = FileTitle(path), ParseError = $"{path}: cannot read the feature file ({e.Message})." };
        }
        return Parse(text, path, sourcePath, defaultLanguage);
    }

    private static string FileTitle(string path) => System.IO.Path.GetFileNameWithoutExtension(path);

    public static FeatureDocument Parse(string text, string path, string? sourcePath = null, string defaultLanguage = "en")
    {
        path = path.Replace('\\', '/');
        global::Gherkin.Ast.GherkinDocument ast;
        try
        {
            ast = new Parser().Parse(new TokenScanner(new StringReader(text)), new TokenMatcher(defaultLanguage));
        }
        catch (System.Exception e) when (e is ParserException or NoSuchLanguageException)
        {
            return new FeatureDocument(path, sourcePath) { Title = FileTitle(path), ParseError = $"{path}: {e.Message}" };
        }

        // One id generator for the document and its pickles, so the pickles' ast node ids point into the document.
        var ids = new FeatureIds(path, text);
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, path);
        var pickles = document.Feature is null ? [] : new PickleCompiler(ids).Compile(document);
        var source = new Source(path, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);
        var feature = document.Feature;
        if (feature is null)
            return new FeatureDocument(path, sourcePath) { Source = source, GherkinDocument = document, Title = FileTitle(path) };

        return new FeatureDocument(path, sourcePath)
        {
            Title = feature.Name.Trim(),
            Description = ScenarioCase.CleanDescription(feature.Description),
            Language = feature.Language,
            Tags = ScenarioCase.TagNames(feature.Tags),
            Source = source,
            GherkinDocument = document,
            Pickles = pickles,
            Scenarios = ScenarioCase.FromPickles(feature, pickles),
        };
    }
}
