using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>
/// The auth service's administrative plan change (PUT /auth/admin/users/{id}/plan), made with the
/// environment's service credentials, as the billing system would after a purchase.
/// </summary>
public sealed class PlanAdministration(EnvironmentContext environment, ScenarioTranscript transcript)
    : ServiceDriver(environment.Endpoints.Auth, transcript)
{
    public Task<ApiResponse> ChangePlanAsync(string userId, string planTier, ServiceCaller caller = ServiceCaller.NetraService) =>
        SendAsync(new RestRequest($"/auth/admin/users/{Uri.EscapeDataString(userId)}/plan", Method.Put)
            .WithServiceCredentials(environment, "changes a customer's plan", caller)
            .AddJsonBody(new { plan_tier = planTier }));
}
