namespace GherkinEngine;

/// <summary>Per-feature state shared by the feature's scenarios (they run one after another).</summary>
public sealed class FeatureContext : ReqnrollContext
{
    internal FeatureContext(FeatureInfo featureInfo, ObjectContainer container)
    {
        FeatureInfo = featureInfo;
        FeatureContainer = container;
    }

    public FeatureInfo FeatureInfo { get; }

    /// <summary>The feature-level object container (parent of each scenario's container).</summary>
    public IObjectContainer FeatureContainer { get; }

    internal ObjectContainer Container => (ObjectContainer)FeatureContainer;
}
