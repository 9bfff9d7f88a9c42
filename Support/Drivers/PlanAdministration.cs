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
    public async Task<ApiResponse> ChangePlanAsync(string userId, string planTier)
    {
        var secret = environment.Environment.ServiceSecret;
        if (secret is null)
            LeftOut.Because("Left out: this scenario changes a customer's plan, which needs the environment's service secret. " +
                        "Set NETRA_SERVICE_SECRET to run it against this environment.");
        var request = new RestRequest($"/auth/admin/users/{Uri.EscapeDataString(userId)}/plan", Method.Put)
            .AddHeader("X-Service-ID", "netra-acceptance")
            .AddHeader("X-Service-Secret", secret)
            .AddJsonBody(new { plan_tier = planTier });
        return await SendAsync(request);
    }
}
