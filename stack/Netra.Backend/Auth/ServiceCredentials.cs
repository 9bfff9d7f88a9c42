using System.Security.Cryptography;
using System.Text;
using Netra.Backend.Infrastructure;

namespace Netra.Backend.Auth;

/// <summary>Checks X-Service-ID / X-Service-Secret on stack-internal calls.</summary>
public sealed class ServiceCredentials(BackendSettings settings)
{
    /// <summary>
    /// Null when the caller is the expected service (or, for a null <paramref name="expectedServiceId"/>, any named
    /// service) with the right secret; otherwise a problem to answer.
    /// </summary>
    public IResult? Check(HttpRequest request, string? expectedServiceId)
    {
        if (settings.ServiceSecret is null)
            return Problems.Create(StatusCodes.Status503ServiceUnavailable,
                "SERVICE_SECRET is not configured on the backend, so service-to-service calls cannot be verified.");

        var serviceId = request.Headers["X-Service-ID"].ToString();
        var secret = request.Headers["X-Service-Secret"].ToString();
        if (serviceId.Length == 0 || secret.Length == 0)
            return Problems.Unauthorized("Service credentials required: X-Service-ID and X-Service-Secret headers.");
        if (!FixedTimeEquals(secret, settings.ServiceSecret) || (expectedServiceId is not null && serviceId != expectedServiceId))
            return Problems.Unauthorized("Invalid service credentials.");
        return null;
    }

    // Hashing first makes the comparison independent of the secrets' lengths.
    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(a)),
            SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
