using Reqnroll.Formatters.PubSub;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;
using XunitV3Adapter.Plugin;

[assembly: RuntimePlugin(typeof(AdapterPlugin))]

namespace XunitV3Adapter.Plugin;

/// <summary>
/// The runtime plugin that Reqnroll.xunit.v3 would bring: xUnit v3 as Reqnroll's unit-test provider (pending,
/// inconclusive and ignored scenarios reported to xUnit, skip reasons in words), Reqnroll's trace and attachments into xUnit's test
/// output, and disposal of what the containers created that is only <see cref="IAsyncDisposable"/>.
/// </summary>
public sealed class AdapterPlugin : IRuntimePlugin
{
    private const string UnitTestProviderName = "xunit3";

    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<XunitRuntimeProvider, IUnitTestRuntimeProvider>(UnitTestProviderName);
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<XunitTraceListener, ITraceListener>();
            e.ObjectContainer.RegisterTypeAs<XunitAttachmentHandler, IReqnrollAttachmentHandler>();
        };
        runtimePluginEvents.CustomizeGlobalDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<SkipReasonCleaningBroker, ICucumberMessageBroker>();
            // Plugin lifecycle events run after the user's hooks of the same kind, even when one of those failed.
            var lifecycle = e.ObjectContainer.Resolve<RuntimePluginTestExecutionLifecycleEvents>();
            lifecycle.AfterScenarioAsync += (_, args) => AsyncDisposals.DisposeAsync(args.ObjectContainer);
            lifecycle.AfterFeatureAsync += (_, args) => AsyncDisposals.DisposeAsync(args.ObjectContainer);
        };
        runtimePluginEvents.CustomizeFeatureDependencies += (_, e) => AsyncDisposals.Track(e.ObjectContainer);
        runtimePluginEvents.CustomizeScenarioDependencies += (_, e) => AsyncDisposals.Track(e.ObjectContainer);
        unitTestProviderConfiguration.UseUnitTestProvider(UnitTestProviderName);
    }
}
