namespace Netra.Acceptance.Support.Drivers;

// The contract's answer bodies, as typed records (read with ApiResponse.As<T>() and the contract's snake_case names),
// so steps talk of an account's plan or an answer's agent, never of JSON fields.

/// <summary>The sign-in service's view of an account (GET /auth/me).</summary>
public sealed record Account(string UserId, string Email, string? Name, string? PlanTier, IReadOnlyList<string>? Permissions,
    string? AuthProvider, string? CreatedAt)
{
    public bool IsOn(string plan) => string.Equals(PlanTier, plan, StringComparison.OrdinalIgnoreCase);

    /// <summary>An account made (or linked) by signing in with Google: it says so, with the email Google verified.</summary>
    public Account ShouldBeFromGoogle(Context.Person person)
    {
        AuthProvider.Should().Be("google", "an account signed into with Google says so");
        Email.Should().Be(person.Email.ToLowerInvariant(), "the account carries the email Google verified");
        return this;
    }
}

/// <summary>The platform's view of a user (GET /api/v1/users/profile).</summary>
public sealed record Profile(string UserId, string Email, string? Name, string? PlanTier, string? CreatedAt)
{
    /// <summary>Plans are compared without regard to case ("Enterprise" is "enterprise").</summary>
    public bool IsOn(string plan) => string.Equals(PlanTier, plan, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The platform's answer to a question asked through the API (POST /api/v1/chat/message).</summary>
public sealed record ChatAnswer(string? MessageId, string? ThreadId, string? RunId, ChatAnswerResponse? Response, TokenUsage? Usage)
{
    public string? Text => Response?.Content;
}

public sealed record ChatAnswerResponse(string? AgentName, string? Content);

/// <summary>The tokens the language model reported for one answer.</summary>
public sealed record TokenUsage(int PromptTokens, int CompletionTokens);

/// <summary>The sign-in service's answer to a Netra service asking about a token (POST /auth/validate).</summary>
public sealed record TokenVerdict(bool Valid, string? UserId, string? Email, string? PlanTier);

/// <summary>The user events the sign-in service raised for one user (GET /internal/users/{id}/events).</summary>
public sealed record RaisedEvents(string UserId, IReadOnlyList<RaisedEvent> Events);

/// <summary>One raised user event and where it stands: delivered, still being tried, or set aside with the last error.</summary>
public sealed record RaisedEvent(string EventId, string Type, DateTimeOffset RaisedAt, int Attempts, string? DeliveredAt, string? SetAsideAt, string? LastError);

/// <summary>What the platform holds for one user (GET /internal/users/{id}): her copy, her conversations, the events applied.</summary>
public sealed record PlatformHoldings(string? Email, long Threads, long Messages, IReadOnlyList<AppliedEvent>? EventsApplied);

public sealed record AppliedEvent(string EventId, string Type);
