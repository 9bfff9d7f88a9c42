using Netra.Acceptance.Support.Drivers;

namespace Netra.Acceptance.Support.Security;

/// <summary>
/// The feature's words for tokens someone presents on a person's behalf, and for why the platform refuses them.
/// A phrase that is not here fails the step saying so, so a feature cannot silently test nothing.
/// </summary>
public sealed class TokenVocabulary(TokenForge forge)
{
    private const string RenewalTokenInstead = "her renewal token instead of her access token";

    private static readonly Dictionary<string, ForgedToken> Forgeries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["no token at all"] = ForgedToken.None,
        ["a garbled token"] = ForgedToken.Malformed,
        ["a token signed with another key"] = ForgedToken.WrongKey,
        ["a token whose signature was removed"] = ForgedToken.AlgorithmNone,
        ["her token with its expiry in the past"] = ForgedToken.Expired,
        ["her token addressed to another platform"] = ForgedToken.OtherAudience,
        ["her token addressed to a look-alike platform"] = ForgedToken.LookAlikeAudience,
        ["her token claiming another issuer"] = ForgedToken.OtherIssuer,
        ["her token claiming a look-alike issuer"] = ForgedToken.LookAlikeIssuer,
        ["her token claiming her issuer in capitals"] = ForgedToken.IssuerInCapitals,
        ["her token signed by another algorithm"] = ForgedToken.OtherAlgorithm,
        ["her token with a critical extension the platform does not know"] = ForgedToken.CriticalExtension,
    };

    /// <summary>What a refusal's detail must say, per reason (the contract: a clear reason), as a regular expression.</summary>
    private static readonly Dictionary<string, string> Reasons = new(StringComparer.OrdinalIgnoreCase)
    {
        ["missing"] = "(?i)no access token|authentication required",
        ["malformed"] = "(?i)malformed",
        ["wrongly signed"] = "(?i)signature",
        ["unsigned"] = "(?i)algorithm 'none'",
        ["not an access token"] = "(?i)refresh token.*access token is required",
        ["expired"] = "(?i)expired",
        ["for another platform"] = "(?i)audience",
        ["from another issuer"] = "(?i)issuer",
        ["by another algorithm"] = "(?i)algorithm|HS256",
        ["of an unknown critical kind"] = "(?i)critical",
        ["revoked"] = "(?i)revoked",
    };

    /// <summary>The token the phrase describes, made from her session (null: no token at all).</summary>
    public string? TokenFor(string phrase, Session session) =>
        phrase.Equals(RenewalTokenInstead, StringComparison.OrdinalIgnoreCase)
            ? session.RefreshToken
            : forge.Forge(Forgeries.TryGetValue(phrase, out var kind) ? kind : throw Unknown("token", phrase), session.AccessToken);

    /// <summary>The pattern a refusal for this reason must match.</summary>
    public static string ReasonPattern(string why) =>
        Reasons.TryGetValue(why, out var pattern) ? pattern : throw Unknown("reason", why);

    private static ArgumentException Unknown(string what, string phrase) =>
        new($"No such {what} in the scenario vocabulary: '{phrase}'.");
}
