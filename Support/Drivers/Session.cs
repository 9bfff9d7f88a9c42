namespace Netra.Acceptance.Support.Drivers;

/// <summary>The tokens the auth service hands out at sign-up and login.</summary>
public sealed record Session(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn, string UserId, SessionUser User);

public sealed record SessionUser(string Id, string Email, string? Name);
