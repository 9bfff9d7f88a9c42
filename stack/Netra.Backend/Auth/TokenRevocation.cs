namespace Netra.Backend.Auth;

/// <summary>
/// Seam for revocation: the contract has the backend learn revoked tokens from the auth service
/// (POST /auth/validate with service credentials, keeping already-trusted tokens working while
/// auth is unreachable). Runs after the signature and claims checks passed.
/// </summary>
public interface ITokenRevocationCheck
{
    ValueTask<bool> IsRevokedAsync(AccessToken token, CancellationToken ct);
}

