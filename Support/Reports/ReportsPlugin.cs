using Netra.Acceptance.Support.Reports;
using Reqnroll.Formatters;
using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;

[assembly: RuntimePlugin(typeof(ReportsPlugin))]

namespace Netra.Acceptance.Support.Reports;

/// <summary>Registers the suite's own formatter with Reqnroll, beside its html and message formatters.</summary>
public sealed class ReportsPlugin : IRuntimePlugin
{
    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration) =>
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<JourneyOverviewFormatter, ICucumberMessageFormatter>("journeys");
}
