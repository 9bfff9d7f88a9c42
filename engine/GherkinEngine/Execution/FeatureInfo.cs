using System.Globalization;

namespace GherkinEngine;

/// <summary>The running feature's header.</summary>
public sealed class FeatureInfo
{
    internal FeatureInfo(FeatureDefinition feature)
    {
        Title = feature.Title;
        Description = feature.Description;
        Tags = feature.Tags;
        FilePath = feature.FilePath;
        FolderPath = Path.GetDirectoryName(feature.FilePath) ?? string.Empty;
        Language = CultureInfo.GetCultureInfo(feature.Language);
    }

    public string Title { get; }
    public string Description { get; }

    /// <summary>The feature's tags, without <c>@</c>.</summary>
    public string[] Tags { get; }

    /// <summary>The feature file's path relative to the output folder, e.g. <c>Features/Login.feature</c>.</summary>
    public string FilePath { get; }

    /// <summary>The folder part of <see cref="FilePath"/>.</summary>
    public string FolderPath { get; }

    /// <summary>The feature's Gherkin language (<c># language:</c>).</summary>
    public CultureInfo Language { get; }
}
