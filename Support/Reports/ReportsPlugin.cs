using Netra.Acceptance.Support.Reports;
using Netra.Acceptance.Support.Rules;
using Reqnroll.Bindings;
using Reqnroll.Formatters;
using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;

[assembly: RuntimePlugin(typeof(ReportsPlugin))]

namespace Netra.Acceptance.Support.Reports;

/// <summary>
/// Registers the suite's own formatters with Reqnroll, beside its html and message formatters (journeys: the
/// per-journey summary; rules: the per-rule coverage), and the binding invoker whose step failures name the
/// contract rules their scenario proves.
/// </summary>
public sealed class ReportsPlugin : IRuntimePlugin
{
    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration) =>
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<JourneyOverviewFormatter, ICucumberMessageFormatter>("journeys");
            e.ObjectContainer.RegisterTypeAs<RuleCoverageFormatter, ICucumberMessageFormatter>("rules");
            // Registered after Reqnroll's defaults, so it replaces them; it wraps Reqnroll's own invoker.
            e.ObjectContainer.RegisterFactoryAs<IAsyncBindingInvoker>(c => new RuleNamingBindingInvoker(c.Resolve<BindingInvoker>()));
        };
}
