using System.Net;

namespace Netra.Acceptance.Support.Drivers;

/// <summary>
/// How a service turns something down, in the suite's words. The contract's status code for each lives here and
/// nowhere in the steps, which say "refused as <see cref="NotSignedIn"/>" and mean exactly the contract's 401.
/// </summary>
public enum Refusal
{
    /// <summary>The request cannot be read at all (not JSON, not UTF-8, a malformed request).</summary>
    Unreadable = 400,
    /// <summary>No valid credentials: a missing, wrong, expired or revoked token, a wrong password, no service secret.</summary>
    NotSignedIn = 401,
    Forbidden = 403,
    NotFound = 404,
    /// <summary>What she asked for is already someone's (an email already registered).</summary>
    AlreadyTaken = 409,
    TooLarge = 413,
    /// <summary>Readable but not acceptable input: the message names the field and the rule.</summary>
    Invalid = 422,
    /// <summary>Too many requests: a rate limit or a locked account; the answer says when to try again.</summary>
    TooMany = 429,
    /// <summary>The service cannot serve now because something it depends on is down.</summary>
    Unavailable = 503,
}

/// <summary>The judgements steps make of an answer; every status code and header name they need is read here.</summary>
public static class AnswerJudgements
{
    public static HttpStatusCode StatusOf(Refusal refusal) => (HttpStatusCode)(int)refusal;

    public static bool IsRefusedAs(this ApiResponse answer, Refusal refusal) => answer.Status == StatusOf(refusal);

    /// <summary>It was done: any 2xx.</summary>
    public static ApiResponse ShouldSucceed(this ApiResponse answer, string because)
    {
        answer.IsSuccess.Should().BeTrue($"{because}, but it was answered {answer.Describe()}");
        return answer;
    }

    /// <summary>It was answered with content: the contract's 200 (not merely any success).</summary>
    public static ApiResponse ShouldBeAnswered(this ApiResponse answer, string because)
    {
        answer.Status.Should().Be(HttpStatusCode.OK, $"{because}, but it was answered {answer.Describe()}");
        return answer;
    }

    /// <summary>It was done, with nothing to say back: the contract's 204.</summary>
    public static ApiResponse ShouldBeDoneQuietly(this ApiResponse answer, string because)
    {
        answer.Status.Should().Be(HttpStatusCode.NoContent, $"{because}, but it was answered {answer.Describe()}");
        return answer;
    }

    public static ApiResponse ShouldBeRefused(this ApiResponse answer, Refusal refusal, string because)
    {
        answer.Status.Should().Be(StatusOf(refusal), $"{because} (refused as {refusal}), but it was answered {answer.Describe()}");
        return answer;
    }

    /// <summary>Refused and says why: problem details whose detail matches the pattern (a regular expression).</summary>
    public static ApiResponse ShouldBeRefused(this ApiResponse answer, Refusal refusal, string because, string saying)
    {
        answer.ShouldBeRefused(refusal, because).ShouldExplain(saying);
        return answer;
    }

    /// <summary>A refusal as the contract words every one: problem details with a detail, matching the pattern if one is given.</summary>
    public static ApiResponse ShouldExplain(this ApiResponse answer, string? pattern = null, string because = "the refusal says why")
    {
        answer.IsProblemWithDetail.Should().BeTrue($"{because}: a refusal is problem details with a detail, but it was {answer.Describe()}");
        if (pattern is not null) answer.Detail.Should().MatchRegex(pattern, because);
        return answer;
    }

    /// <summary>Refused as not signed in, saying why, and telling the caller how to authenticate (WWW-Authenticate).</summary>
    public static ApiResponse ShouldAskForSignIn(this ApiResponse answer, string because, string saying)
    {
        answer.ShouldBeRefused(Refusal.NotSignedIn, because, saying);
        answer.Headers.Should().ContainKey("WWW-Authenticate", $"{because}: a refusal for credentials says how to authenticate");
        return answer;
    }

    /// <summary>A failed dependency, told as such: a 502, 503 or 504, never a 500 and never an answer.</summary>
    public static ApiResponse ShouldBeADependencyFailure(this ApiResponse answer, string because)
    {
        ((int)answer.Status).Should().BeOneOf([502, 503, 504], $"{because}, but it was answered {answer.Describe()}");
        return answer;
    }

    /// <summary>The seconds the answer says to wait before trying again (Retry-After); fails if it says nothing.</summary>
    public static int ShouldSayWhenToTryAgain(this ApiResponse answer, string because)
    {
        answer.RetryAfterSeconds.Should().NotBeNull($"{because}: the answer says when to try again, but it was {answer.Describe()}");
        return answer.RetryAfterSeconds!.Value;
    }

    /// <summary>It hands out no token of any kind (a refused sign-up or login must not start a session).</summary>
    public static void ShouldHandOutNoSession(this ApiResponse answer, string because)
    {
        answer[ApiResponse.AccessTokenField].Should().BeNull($"{because}: no access token");
        answer[ApiResponse.RefreshTokenField].Should().BeNull($"{because}: no refresh token");
    }
}
