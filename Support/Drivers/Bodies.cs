namespace Netra.Acceptance.Support.Drivers;

// The contract's answer bodies, as typed records (read with ApiResponse.As<T>() and the contract's snake_case names),
// so steps talk of an account's plan or an answer's agent, never of JSON fields.

/// <summary>The sign-in service's view of an account (GET /auth/me).</summary>
public sealed record Account(string UserId, string Email, string? Name, string? PlanTier, IReadOnlyList<string>? Permissions,
    string? AuthProvider, string? CreatedAt)
{
    public bool IsOn(string plan) => string.Equals(PlanTier, plan, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The platform's view of a user (GET /api/v1/users/profile).</summary>
public sealed record Profile(string UserId, string Email, string? Name, string? PlanTier, string? CreatedAt)
{
    /// <summary>Plans are compared without regard to case ("Enterprise" is "enterprise").</summary>
    public bool IsOn(string plan) => string.Equals(PlanTier, plan, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The platform's answer to a question asked through the API (POST /api/v1/chat/message).</summary>
public sealed record ChatAnswer(string? MessageId, string? ThreadId, ChatAnswerResponse? Response, TokenUsage? Usage);

public sealed record ChatAnswerResponse(string? AgentName, string? Content);

/// <summary>The tokens the language model reported for one answer.</summary>
public sealed record TokenUsage(int PromptTokens, int CompletionTokens);
