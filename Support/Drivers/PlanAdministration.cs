using Netra.Acceptance.Support.Context;
using Netra.Acceptance.Support.Evidence;
using RestSharp;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>
/// The auth service's administrative plan change (PUT /auth/admin/users/{id}/plan), made with the
/// environment's service credentials, as the billing system would after a purchase.
/// </summary>
public sealed class PlanAdministration(EnvironmentContext environment, ScenarioTranscript transcript, BackendApi backend)
    : ServiceDriver(environment.Endpoints.Auth, transcript)
{
    public Task<ApiResponse> ChangePlanAsync(string userId, string planTier, ServiceCaller caller = ServiceCaller.NetraService) =>
        SendAsync(new RestRequest($"/auth/admin/users/{Uri.EscapeDataString(userId)}/plan", Method.Put)
            .WithServiceCredentials(environment, "changes a customer's plan", caller)
            .AddJsonBody(new { plan_tier = planTier }));

    /// <summary>
    /// Tries to change a customer's plan (null: someone not known) as the callers the feature's words stand for. Each attempt
    /// keeps what the rule requires of it: an impostor is not signed in, an unknown customer is not found, a plan that does not
    /// exist is invalid, and only a Netra service's change of a known customer to a real plan is made.
    /// </summary>
    public async Task<IReadOnlyList<Attempt>> TryToChangePlanAsync(string who, Person? customer, string plan)
    {
        var attempts = new List<Attempt>();
        foreach (var caller in ServiceCallers.CalledIn(who))
        {
            Refusal? expected = caller != ServiceCaller.NetraService ? Refusal.NotSignedIn
                : customer is null ? Refusal.NotFound
                : !environment.Environment.Plans.Contains(plan, StringComparer.OrdinalIgnoreCase) ? Refusal.Invalid
                : null;
            var answer = await ChangePlanAsync(customer?.UserId ?? Guid.NewGuid().ToString(), plan, caller);
            attempts.Add(new Attempt($"{who} ({caller}) changing the plan of {customer?.Alias ?? "someone not known"} to {plan}", answer, expected));
        }
        return attempts;
    }

    /// <summary>Changes her plan in the sign-in service only; whether and when it reaches the platform is for a later step.</summary>
    public async Task ChangePlanAsync(Person person, string plan) =>
        (await ChangePlanAsync(person.UserId!, plan)).ShouldSucceed($"the sign-in service changes {person.Alias}'s plan to {plan}");

    /// <summary>
    /// Once the platform knows her, has her on the plan: moved there if she is not on it yet (a new account is on the free
    /// plan, which needs no change, so a smoke run needs no service credentials). Returns the platform's answer then.
    /// </summary>
    public async Task<ApiResponse> PutOnPlanAsync(Person person, string plan)
    {
        var answer = await backend.AnswerWhenKnownAsync(person);
        return answer.As<Profile>().IsOn(plan) ? answer : await MoveToPlanAsync(person, plan);
    }

    /// <summary>
    /// Changes her plan and waits until the platform has it, as the contract promises within
    /// <see cref="ContractWindows.PlanChangeVisible"/>; returns the platform's answer then (it announces her new allowance).
    /// </summary>
    public async Task<ApiResponse> MoveToPlanAsync(Person person, string plan)
    {
        await ChangePlanAsync(person, plan);
        var answer = await Eventually.UntilAsync(() => backend.ProfileAsync(person.AccessToken), a => a.IsSuccess && a.As<Profile>().IsOn(plan),
            ContractWindows.PlanChangeVisible, TimeSpan.FromMilliseconds(25));
        answer.ShouldSucceed($"the platform must accept {person.Alias}'s token").As<Profile>().PlanTier
            .Should().BeEquivalentTo(plan, $"the platform must have {person.Alias} on the plan within {ContractWindows.PlanChangeVisible.TotalMilliseconds:0} ms of the change");
        return answer;
    }
}
